using System.Text.Json;

namespace Commentary.Api.Http;

/// <summary>
/// Reads a small JSON request body: refuses other media types (415) and bodies over the limit (413) before reading
/// them whole, and malformed JSON (400). Unknown fields are ignored.
/// </summary>
public static class JsonBody
{
    public const int MaxBytes = 64 * 1024;

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            return (null, Problems.UnsupportedMediaType());
        }

        if (request.ContentLength > MaxBytes)
        {
            return (null, Problems.TooLarge(MaxBytes));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return (null, Problems.TooLarge(MaxBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), ApiJson.Options);
            return value is null ? (null, Problems.MalformedJson()) : (value, null);
        }
        catch (JsonException)
        {
            return (null, Problems.MalformedJson());
        }
    }

    /// <summary>Reads a small JSON body as text, with the same media-type and size checks, for callers that parse it themselves.</summary>
    public static async Task<(string? Text, IResult? Problem)> ReadTextAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            return (null, Problems.UnsupportedMediaType());
        }

        if (request.ContentLength > MaxBytes)
        {
            return (null, Problems.TooLarge(MaxBytes));
        }

        using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
        var buffer = new char[MaxBytes + 1];
        var total = 0;
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(total, buffer.Length - total), cancellationToken)) > 0)
        {
            total += read;
            if (total > MaxBytes)
            {
                return (null, Problems.TooLarge(MaxBytes));
            }
        }

        return (new string(buffer, 0, total), null);
    }

    /// <summary>Reads a body and checks its fields: a body with field errors is answered <c>400</c> with all of them.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadValidAsync<T>(
        HttpRequest request, Func<T, IReadOnlyDictionary<string, string[]>> validate, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(validate);
        var (body, problem) = await ReadAsync<T>(request, cancellationToken);
        if (problem is not null)
        {
            return (null, problem);
        }

        var errors = validate(body!);
        return errors.Count > 0 ? (null, Problems.Validation(errors)) : (body, null);
    }

    /// <summary>Reads an optional body: an empty one is the default value rather than an error.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadOptionalAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.ContentLength == 0 || (request.ContentLength is null && !request.HasJsonContentType())
            ? (null, null)
            : await ReadAsync<T>(request, cancellationToken);
    }
}
