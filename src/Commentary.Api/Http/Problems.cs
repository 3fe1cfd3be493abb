using Microsoft.AspNetCore.Http.HttpResults;

namespace Commentary.Api.Http;

/// <summary>RFC 9457 problem answers for every failure a client can meet. None carries an exception's text.</summary>
public static class Problems
{
    private const string TypeBase = "https://commentary.dev/problems/";
    private const string MalformedJsonDetail = "The request body is not a valid JSON object.";

    /// <summary>The key of a field error about the request body as a whole.</summary>
    public const string BodyRoot = "$";

    public static ProblemHttpResult NotFound(string detail) =>
        Problem(StatusCodes.Status404NotFound, "not-found", "Not found", detail);

    public static ProblemHttpResult Conflict(string detail) =>
        Problem(StatusCodes.Status409Conflict, "conflict", "Conflict", detail);

    public static ProblemHttpResult CommentsClosed(string slug) =>
        Problem(StatusCodes.Status409Conflict, "comments-closed", "Comments are closed", $"The article '{slug}' no longer takes comments.");

    public static ProblemHttpResult Unauthorized(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
        return Problem(StatusCodes.Status401Unauthorized, "unauthorized", "Moderator credentials required",
            "Send 'Authorization: Bearer <key or token>' with a moderator key or a signed-in moderator's access token.");
    }

    public static ProblemHttpResult Forbidden(string role, string detail) =>
        Problem(StatusCodes.Status403Forbidden, "forbidden", $"The {role} role is required", detail);

    public static ProblemHttpResult UnsupportedMediaType() =>
        Problem(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "JSON expected",
            "Send the request body as 'Content-Type: application/json'.");

    public static ProblemHttpResult TooLarge(long limit) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "too-large", "Request body too large",
            $"A request body can be at most {limit / 1024} KB.");

    /// <summary>
    /// A body that does not parse: a validation problem like any other 400, its one error under <c>$</c> (the body's root),
    /// so a client reads every 400 as one type.
    /// </summary>
    public static ValidationProblem MalformedJson() =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [BodyRoot] = [MalformedJsonDetail] },
            detail: MalformedJsonDetail, type: TypeBase + "malformed-json", title: "Malformed JSON");

    public static ValidationProblem Validation(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: "One or more fields are invalid.", type: TypeBase + "validation", title: "Invalid request");

    public static ValidationProblem Invalid(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemHttpResult Unavailable(HttpRequest request, int retryAfterSeconds, string detail)
    {
        SetRetryAfter(request, retryAfterSeconds);
        return Problem(StatusCodes.Status503ServiceUnavailable, "unavailable", "Service unavailable", detail);
    }

    public static ProblemHttpResult TooManyRequests(HttpRequest request, TimeSpan retryAfter, string detail)
    {
        SetRetryAfter(request, Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)));
        return Problem(StatusCodes.Status429TooManyRequests, "too-many-requests", "Too many requests", detail);
    }

    public static ProblemHttpResult IdempotencyKeyReused() =>
        Problem(StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused", "Idempotency-Key already used",
            "This Idempotency-Key was used in the last 24 hours for a different comment. Use a new key for a new comment.");

    public static ProblemHttpResult MailNotConfigured() =>
        Problem(StatusCodes.Status409Conflict, "mail-not-configured", "Mail is not configured",
            "This site cannot send email: set the application settings Mail__Host and Mail__From (and Mail__UserName, Mail__Password if the server needs them).");

    public static ProblemHttpResult NotInCrisisLane() =>
        Problem(StatusCodes.Status409Conflict, "not-in-crisis-lane", "Not in the crisis lane",
            "A private reply with crisis resources is only for comments held as urgent.");

    public static ProblemHttpResult MailNotDelivered() =>
        Problem(StatusCodes.Status502BadGateway, "mail-not-delivered", "The mail server did not take the message",
            "The mail server could not be reached or refused the message; nothing was sent or recorded. Try again later.");

    public static ProblemHttpResult NotPublished(string detail) =>
        Problem(StatusCodes.Status409Conflict, "not-published", "The comment is not published", detail);

    public static ProblemHttpResult PinLimitReached(int max) =>
        Problem(StatusCodes.Status409Conflict, "pin-limit-reached", "Too many pinned comments",
            $"An article has at most {max} pinned comments. Unpin one first.");

    public static ProblemHttpResult HelpfulMarksOff() =>
        Problem(StatusCodes.Status403Forbidden, "helpful-marks-off", "\"This helped\" is switched off",
            "This site does not take \"This helped\" marks at the moment.");

    public static ProblemHttpResult NotYours() =>
        Problem(StatusCodes.Status403Forbidden, "not-your-comment", "Not your comment",
            "Only the comment's writer can change it: send 'Authorization: Bearer <editToken>' with the token of its receipt.");

    public static ProblemHttpResult EditWindowClosed() =>
        Problem(StatusCodes.Status403Forbidden, "edit-window-closed", "The time to change this comment is over",
            "A comment can be edited or deleted by its writer only for a short time after it was posted.");

    public static ProblemHttpResult Unexpected() =>
        Problem(StatusCodes.Status500InternalServerError, "unexpected", "Unexpected error",
            "Something went wrong on our side. It has been logged; please try again.");

    /// <summary>Retry-After in whole seconds, the form every client (the widget and the dashboard included) reads.</summary>
    internal static void SetRetryAfter(HttpRequest request, int seconds)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static ProblemHttpResult Problem(int status, string type, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, type: TypeBase + type);
}
