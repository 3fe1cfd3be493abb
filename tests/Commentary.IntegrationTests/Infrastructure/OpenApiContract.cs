using System.Text.Json;
using Json.Pointer;
using Json.Schema;

namespace Commentary.IntegrationTests.Infrastructure;

/// <summary>
/// The OpenAPI document as a contract: which operations it describes, and the JSON Schema (2020-12, as OpenAPI 3.1
/// writes it) of each answer, evaluated with JsonSchema.Net straight out of the document.
/// </summary>
public sealed class OpenApiContract
{
    public static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];
    private static readonly Uri BaseUri = new("https://commentary.test/openapi.json");
    private readonly BuildOptions _build;

    public OpenApiContract(JsonObject document)
    {
        Document = document;
        var registry = new SchemaRegistry();
        registry.Register(BaseUri, new JsonElementBaseDocument(JsonSerializer.SerializeToElement(document), BaseUri));
        _build = new BuildOptions { SchemaRegistry = registry };
    }

    public JsonObject Document { get; }

    /// <summary>Every operation as (upper-case method, path as written, operationId).</summary>
    public IReadOnlyList<(string Method, string Path, string? OperationId)> Operations() =>
        Document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject()
                .Where(op => Methods.Contains(op.Key))
                .Select(op => (op.Key.ToUpperInvariant(), path.Key, op.Value?["operationId"]?.GetValue<string>())))
            .ToArray();

    /// <summary>
    /// The response the document promises for this operation and status (its own, else its range such as <c>4XX</c>),
    /// with $ref followed.
    /// </summary>
    public (JsonObject Response, string Pointer) Response(string method, string path, int status)
    {
        var responses = $"/paths/{Escape(path)}/{method.ToLowerInvariant()}/responses/";
        var pointer = responses + status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (At(pointer) is null)
        {
            pointer = responses + (status / 100).ToString(System.Globalization.CultureInfo.InvariantCulture) + "XX";
        }

        var response = At(pointer) as JsonObject
            ?? throw new InvalidOperationException($"The document has no {status} answer for {method} {path}.");
        while (response["$ref"]?.GetValue<string>() is { } reference)
        {
            pointer = reference.TrimStart('#');
            response = At(pointer) as JsonObject ?? throw new InvalidOperationException($"Dangling $ref {reference}.");
        }

        return (response, pointer);
    }

    /// <summary>Checks an answer against the schema of the document's response for its operation, status and media type.</summary>
    public EvaluationResults Validate(string method, string path, int status, string mediaType, JsonNode? body)
    {
        var (response, pointer) = Response(method, path, status);
        if (response["content"]?[mediaType] is null)
        {
            throw new InvalidOperationException(
                $"The document's {status} answer for {method} {path} has no '{mediaType}' content; it has: {string.Join(", ", response["content"]?.AsObject().Select(c => c.Key) ?? [])}.");
        }

        return Evaluate($"{pointer}/content/{Escape(mediaType)}/schema", body);
    }

    /// <summary>Evaluates a JSON value against the schema at a JSON Pointer in the document.</summary>
    public EvaluationResults Evaluate(string schemaPointer, JsonNode? instance)
    {
        var wrapper = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            // A pointer in a URI fragment is percent-encoded: "application/problem+json" must not lose its '+'.
            ["$ref"] = BaseUri + "#" + string.Join('/', schemaPointer.Split('/').Select(Uri.EscapeDataString)),
        };
        var schema = JsonSchema.Build(JsonSerializer.SerializeToElement(wrapper), _build);
        var element = JsonSerializer.SerializeToElement(instance);
        return schema.Evaluate(element, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
    }

    public static string Describe(EvaluationResults results) =>
        string.Join("\n", (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.SchemaLocation}): {e.Value}")));

    public JsonNode? At(string location) =>
        JsonPointer.Parse(location).TryEvaluate(Document, out var found) ? found : null;

    public static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    /// <summary>Asserts the answer is one the document describes: status, media type, body schema and headers.</summary>
    public async Task<JsonNode?> AssertDocumentedAsync(HttpResponseMessage response, string method, string path)
    {
        var status = (int)response.StatusCode;
        var (documented, _) = Response(method, path, status);
        foreach (var header in documented["headers"]?.AsObject().Select(h => h.Key) ?? [])
        {
            Assert.True(response.Headers.Contains(header) || response.Content.Headers.Contains(header), $"{method} {path} {status} lacks the documented header {header}.");
        }

        var text = await response.Content.ReadAsStringAsync();
        if (documented["content"] is null)
        {
            Assert.Equal(string.Empty, text);
            return null;
        }

        var body = JsonNode.Parse(text);
        var results = Validate(method, path, status, response.Content.Headers.ContentType!.MediaType!, body);
        Assert.True(results.IsValid, $"{method} {path} {status} does not match the document:\n{OpenApiContract.Describe(results)}\n{text}");
        return body;
    }
}
