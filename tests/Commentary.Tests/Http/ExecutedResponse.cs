namespace Commentary.Tests.Http;

/// <summary>What a client would have received from an executed result.</summary>
internal sealed record ExecutedResponse(int StatusCode, string? ContentType, IHeaderDictionary Headers, string Body)
{
    public bool IsProblem => ContentType?.StartsWith("application/problem+json", StringComparison.Ordinal) == true;

    /// <summary>The field names of a validation problem's <c>errors</c> object.</summary>
    public IReadOnlyList<string> ErrorFields()
    {
        using var document = JsonDocument.Parse(Body);
        return document.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToArray();
    }
}
