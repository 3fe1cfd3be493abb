namespace Commentary.Core.Storage;

/// <summary>Tells a storage outage (answer 503, try later) from a request the service refused.</summary>
public static class StorageFailure
{
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        // Status 0: no HTTP answer at all (connection refused, DNS, reset).
        RequestFailedException { Status: 0 or 408 or 429 or >= 500 } => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsUnavailable),
        HttpRequestException or TimeoutException or TaskCanceledException => true,
        _ => exception.InnerException is { } inner && IsUnavailable(inner),
    };
}
