using Commentary.Core.Storage;
using Microsoft.Extensions.Configuration;

namespace Commentary.Tests.Storage;

public class StorageClientsTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();

    [Fact]
    public void Without_any_setting_the_error_names_AzureWebJobsStorage()
    {
        var error = Assert.Throws<StorageConfigurationException>(() => StorageClients.FromConfiguration(Configuration()));

        Assert.Contains("AzureWebJobsStorage", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blank_connection_string_counts_as_missing()
    {
        Assert.Throws<StorageConfigurationException>(() => StorageClients.FromConfiguration(Configuration(("AzureWebJobsStorage", "  "))));
    }

    [Fact]
    public void The_development_connection_string_points_every_client_at_the_emulator_account()
    {
        var storage = StorageClients.FromConfiguration(Configuration(("AzureWebJobsStorage", "UseDevelopmentStorage=true")));

        Assert.Equal("devstoreaccount1", storage.Blobs.AccountName);
        Assert.Equal("devstoreaccount1", storage.Queues.AccountName);
        Assert.Equal("devstoreaccount1", storage.Tables.AccountName);
        Assert.Equal("127.0.0.1", storage.Blobs.Uri.Host);
    }

    [Fact]
    public void The_resource_clients_use_the_shared_names()
    {
        var storage = StorageClients.FromConfiguration(Configuration(("AzureWebJobsStorage", "UseDevelopmentStorage=true")));

        Assert.Equal("articles", storage.Articles.Name);
        Assert.Equal("comment-submissions", storage.Submissions.Name);
        Assert.Equal("comment-submissions-poison", storage.SubmissionsPoison.Name);
        Assert.Equal("Comments", storage.Comments.Name);
        Assert.Equal("ModerationIndex", storage.ModerationIndex.Name);
        Assert.Equal("CommenterIndex", storage.CommenterIndex.Name);
    }

    [Fact]
    public void Service_uris_build_clients_that_point_at_them()
    {
        var storage = StorageClients.FromConfiguration(Configuration(
            ("AzureWebJobsStorage:blobServiceUri", "https://blobs.example.test"),
            ("AzureWebJobsStorage:queueServiceUri", "https://queues.example.test"),
            ("AzureWebJobsStorage:tableServiceUri", "https://tables.example.test")));

        Assert.Equal("blobs.example.test", storage.Blobs.Uri.Host);
        Assert.Equal("queues.example.test", storage.Queues.Uri.Host);
        Assert.Equal("tables.example.test", storage.Tables.Uri.Host);
    }

    [Fact]
    public void An_account_name_alone_points_at_the_public_azure_endpoints()
    {
        var storage = StorageClients.FromConfiguration(Configuration(("AzureWebJobsStorage:accountName", "myaccount")));

        Assert.Equal(new Uri("https://myaccount.blob.core.windows.net/"), storage.Blobs.Uri);
        Assert.Equal(new Uri("https://myaccount.queue.core.windows.net/"), storage.Queues.Uri);
        Assert.Equal("myaccount.table.core.windows.net", storage.Tables.Uri.Host);
    }

    [Fact]
    public void Only_some_service_uris_without_an_account_name_is_not_configured()
    {
        var error = Assert.Throws<StorageConfigurationException>(() => StorageClients.FromConfiguration(Configuration(
            ("AzureWebJobsStorage:blobServiceUri", "https://blobs.example.test"))));

        Assert.Contains("AzureWebJobsStorage__queueServiceUri", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("blobServiceUri")]
    [InlineData("queueServiceUri")]
    [InlineData("tableServiceUri")]
    public void A_service_uri_that_is_not_absolute_is_an_error_naming_the_key(string key)
    {
        var settings = new Dictionary<string, string>
        {
            ["blobServiceUri"] = "https://blobs.example.test",
            ["queueServiceUri"] = "https://queues.example.test",
            ["tableServiceUri"] = "https://tables.example.test",
        };
        settings[key] = "storage.example.test";

        var error = Assert.Throws<StorageConfigurationException>(() => StorageClients.FromConfiguration(
            Configuration([.. settings.Select(s => ("AzureWebJobsStorage:" + s.Key, s.Value))])));

        Assert.Contains("AzureWebJobsStorage__" + key, error.Message, StringComparison.Ordinal);
        Assert.Contains("storage.example.test", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rooted_path_is_not_an_absolute_service_uri()
    {
        var error = Assert.Throws<StorageConfigurationException>(() => StorageClients.FromConfiguration(Configuration(
            ("AzureWebJobsStorage:blobServiceUri", "/blobs"),
            ("AzureWebJobsStorage:queueServiceUri", "https://queues.example.test"),
            ("AzureWebJobsStorage:tableServiceUri", "https://tables.example.test"))));

        Assert.Contains("AzureWebJobsStorage__blobServiceUri", error.Message, StringComparison.Ordinal);
    }
}
