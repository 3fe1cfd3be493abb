namespace Commentary.Api.OpenApi;

/// <summary>
/// <c>GET /openapi.json</c>: the OpenAPI 3.1 description of every route. It is written by hand next to this class
/// (its schemas are plain JSON Schema 2020-12) and embedded in the assembly, so both hosts serve the same bytes;
/// tests hold it to the routes the Functions app declares and to real answers.
/// </summary>
public sealed class OpenApiEndpoints
{
    public const string ResourceName = "Commentary.Api.OpenApi.openapi.json";
    private const string Cache = "public, max-age=300";
    private readonly byte[] _document;
    private readonly string _etag;

    public OpenApiEndpoints()
    {
        using var stream = typeof(OpenApiEndpoints).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        _document = copy.ToArray();
        _etag = HttpCaching.ETagOf(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(_document)));
    }

    public Task<IResult> GetAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = HttpCaching.IsNotModified(request, _etag, Cache)
            ? HttpCaching.NotModified()
            : TypedResults.Bytes(_document, "application/json");
        return Task.FromResult(result);
    }
}
