using System.Text.Encodings.Web;
using System.Text.Json;

namespace Commentary.Api.Http;

/// <summary>
/// The one JSON shape of the API (camelCase), passed explicitly to every result so that the answer does not depend
/// on how a host configured its own serializer.
/// </summary>
public static class ApiJson
{
    // Relaxed escaping keeps '<' and '&' readable in the html fields; quotes and control characters are still escaped,
    // and the API only ever answers application/json, never JSON inside an HTML page.
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IResult Ok<T>(T value) => TypedResults.Json(value, Options);

    public static IResult Status<T>(T value, int statusCode) => TypedResults.Json(value, Options, statusCode: statusCode);
}
