using System.Text.Json;

namespace Commentary.Api.Http;

/// <summary>
/// A <c>200</c> JSON answer serialized once, with its ETag, for as long as the versions it was made from hold: a read
/// answered from memory then costs a copy of bytes, not a serialization and a hash. The bytes are exactly what
/// <see cref="ApiJson.Ok{T}"/> would write for the same value.
/// </summary>
public sealed class JsonAnswer : IResult
{
    public const string ContentType = "application/json; charset=utf-8";

    private readonly byte[] _body;

    private JsonAnswer(string etag, byte[] body)
    {
        ETag = etag;
        _body = body;
    }

    public string ETag { get; }

    public ReadOnlyMemory<byte> Body => _body;

    public static JsonAnswer Of<T>(T value, string etag) => new(etag, JsonSerializer.SerializeToUtf8Bytes(value, ApiJson.Options));

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.ContentLength = _body.Length;
        return response.Body.WriteAsync(_body, httpContext.RequestAborted).AsTask();
    }
}
