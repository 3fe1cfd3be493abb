using System.Text.Json;

namespace Commentary.Api.Http;

/// <summary>
/// The one JSON shape of the API (camelCase), passed explicitly to every result so that the answer does not depend
/// on how a host configured its own serializer.
/// </summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    public static IResult Ok<T>(T value) => TypedResults.Json(value, Options);

    public static IResult Status<T>(T value, int statusCode) => TypedResults.Json(value, Options, statusCode: statusCode);
}
