namespace Commentary.Core.Moderation.Akismet;

/// <summary>Akismet's answer about one comment; <see cref="Unavailable"/> covers every way of not getting one.</summary>
public enum AkismetVerdict
{
    Ham,
    Spam,
    Discard,
    Unavailable,
}

/// <summary>
/// Akismet's REST API (<c>comment-check</c>, <c>submit-ham</c>, <c>submit-spam</c>). Any failure — no connection,
/// a timeout, an error status, an answer that is neither <c>true</c> nor <c>false</c> — is reported as unavailable,
/// so the caller holds the comment rather than guessing.
/// </summary>
public sealed partial class AkismetClient(IHttpClientFactory httpClients, IOptions<AkismetOptions> options, ILogger<AkismetClient> logger)
{
    public const string HttpClientName = "akismet";
    private const string ProTipHeader = "X-akismet-pro-tip";
    private const string DebugHelpHeader = "X-akismet-debug-help";
    private readonly AkismetOptions _options = options.Value;

    // Relative methods resolve below the endpoint only when it ends in a slash.
    private Uri BaseAddress => _options.Endpoint.AbsoluteUri.EndsWith('/') ? _options.Endpoint : new Uri(_options.Endpoint.AbsoluteUri + "/");

    public async Task<AkismetVerdict> CheckAsync(string commentId, AkismetComment comment, CancellationToken cancellationToken)
    {
        var answer = await PostAsync("comment-check", comment, cancellationToken);
        if (answer is null)
        {
            return AkismetVerdict.Unavailable;
        }

        switch (answer.Text)
        {
            case "false":
                return AkismetVerdict.Ham;
            case "true":
                return answer.ProTip.Equals("discard", StringComparison.OrdinalIgnoreCase) ? AkismetVerdict.Discard : AkismetVerdict.Spam;
            default:
                // "invalid" means a wrong key or site: an operator must fix the settings.
                LogUnexpectedAnswer(logger, commentId, Shorten(answer.Text), answer.DebugHelp);
                return AkismetVerdict.Unavailable;
        }
    }

    /// <summary>Tells Akismet a moderator's verdict; false when it could not be delivered.</summary>
    public async Task<bool> SendVerdictAsync(string commentId, AkismetComment comment, bool isSpam, CancellationToken cancellationToken)
    {
        var answer = await PostAsync(isSpam ? "submit-spam" : "submit-ham", comment, cancellationToken);
        if (answer is null)
        {
            return false;
        }

        // Akismet thanks the caller for feedback it took.
        if (answer.Text.StartsWith("Thanks", StringComparison.Ordinal))
        {
            return true;
        }

        LogUnexpectedAnswer(logger, commentId, Shorten(answer.Text), answer.DebugHelp);
        return false;
    }

    private sealed record Answer(string Text, string ProTip, string DebugHelp);

    private async Task<Answer?> PostAsync(string method, AkismetComment comment, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.Timeout);
        try
        {
            var http = httpClients.CreateClient(HttpClientName);
            using var form = new FormUrlEncodedContent(Fields(comment));
            using var response = await http.PostAsync(new Uri(BaseAddress, method), form, deadline.Token);
            var text = (await response.Content.ReadAsStringAsync(deadline.Token)).Trim();
            if (!response.IsSuccessStatusCode)
            {
                LogFailed(logger, method, $"HTTP {(int)response.StatusCode}");
                return null;
            }

            return new Answer(text, Header(response, ProTipHeader), Header(response, DebugHelpHeader));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, method, $"no answer within {_options.Timeout.TotalSeconds:0.#} s");
            return null;
        }
        catch (HttpRequestException e)
        {
            LogFailed(logger, method, e.Message);
            return null;
        }
    }

    private IEnumerable<KeyValuePair<string, string>> Fields(AkismetComment comment)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("api_key", _options.ApiKey ?? string.Empty),
            new("blog", _options.SiteUrl ?? string.Empty),
            new("comment_type", "comment"),
            new("comment_author", comment.Author),
            new("comment_author_email", comment.Email),
            new("comment_content", comment.Body),
            new("comment_date_gmt", comment.Created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            new("blog_charset", "UTF-8"),
        };
        Add(fields, "comment_author_url", comment.Website);
        Add(fields, "user_ip", comment.Client?.Ip);
        Add(fields, "user_agent", comment.Client?.UserAgent);
        Add(fields, "referrer", comment.Client?.Referrer);
        if (_options.IsTest)
        {
            fields.Add(new("is_test", "true"));
        }

        return fields;
    }

    private static void Add(List<KeyValuePair<string, string>> fields, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            fields.Add(new(name, value));
        }
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(" ", values) : string.Empty;

    private static string Shorten(string text) => text.Length <= 100 ? text : text[..100] + "…";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Akismet {Method} failed: {Problem}")]
    private static partial void LogFailed(ILogger logger, string method, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Akismet gave no verdict for comment {CommentId}: it answered '{Answer}' (help: {DebugHelp}); check Moderation:Akismet:ApiKey and SiteUrl")]
    private static partial void LogUnexpectedAnswer(ILogger logger, string commentId, string answer, string debugHelp);
}
