using Azure.Storage.Queues;
using Commentary.Core.Storage;

namespace Commentary.Tests.Storage;

public class HostJsonAgreementTests
{
    private static JsonElement Queues()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Functions.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory.FullName, "src", "Commentary.Functions", "host.json")));
        return document.RootElement.GetProperty("extensions").GetProperty("queues").Clone();
    }

    [Fact]
    public void The_queue_trigger_reads_base64_messages()
    {
        Assert.Equal("base64", Queues().GetProperty("messageEncoding").GetString());
    }

    [Fact]
    public void The_producer_writes_base64_messages()
    {
        Assert.Equal(QueueMessageEncoding.Base64, StorageClients.SubmissionEncoding);
    }

    [Fact]
    public void The_producer_encoding_is_the_one_host_json_names()
    {
        var configured = Enum.Parse<QueueMessageEncoding>(Queues().GetProperty("messageEncoding").GetString()!, ignoreCase: true);

        Assert.Equal(StorageClients.SubmissionEncoding, configured);
    }

    [Fact]
    public void A_message_is_tried_five_times_before_the_poison_queue()
    {
        Assert.Equal(5, Queues().GetProperty("maxDequeueCount").GetInt32());
    }

    [Fact]
    public void Messages_are_fetched_in_batches_of_sixteen()
    {
        Assert.Equal(16, Queues().GetProperty("batchSize").GetInt32());
    }
}
