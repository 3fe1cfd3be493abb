using System.Text.Json;
using Commentary.Core.Storage;

namespace Commentary.Testing;

/// <summary>
/// Records every request the Azure SDK sends to storage, and how many table entities each answer carried, so a test
/// can tell "answered from memory" from "answered by storage" without looking at timings.
/// </summary>
public sealed class StorageRequestCounter : HttpPipelinePolicy
{
    private readonly ConcurrentQueue<string> _requests = new();
    private int _entitiesRead;

    public IReadOnlyCollection<string> Requests => _requests.ToArray();
    public int EntitiesRead => _entitiesRead;

    /// <summary>Clients for the Azurite behind <paramref name="connectionString"/> that report to this counter.</summary>
    public StorageClients ClientsFor(string connectionString) => PolicyStorageClients.For(connectionString, this);

    public void Reset()
    {
        _requests.Clear();
        Interlocked.Exchange(ref _entitiesRead, 0);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ProcessNext(message, pipeline);
        Record(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline);
        Record(message);
    }

    private void Record(HttpMessage message)
    {
        _requests.Enqueue($"{message.Request.Method} {message.Request.Uri.Path}");
        // A table query answers {"value":[...]}; the SDK has buffered the body, so it can be read and rewound.
        if (message.Response.ContentStream is { CanSeek: true } body
            && message.Response.Headers.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true)
        {
            using var document = JsonDocument.Parse(body);
            body.Position = 0;
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("value", out var entities)
                && entities.ValueKind == JsonValueKind.Array)
            {
                Interlocked.Add(ref _entitiesRead, entities.GetArrayLength());
            }
        }
    }
}
