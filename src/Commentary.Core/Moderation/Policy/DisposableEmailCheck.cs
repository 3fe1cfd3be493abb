namespace Commentary.Core.Moderation.Policy;

/// <summary>Whether an email address is at a throwaway-mail service, or at a subdomain of one.</summary>
internal sealed class DisposableEmailCheck(IEnumerable<string> domains)
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _domains =
        new HashSet<string>(domains.Select(d => d.Trim().TrimEnd('.').ToLowerInvariant()), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The listed domain the address belongs to, or null.</summary>
    public string? ListedDomain(string? email)
    {
        var at = email?.LastIndexOf('@') ?? -1;
        if (at < 0)
        {
            return null;
        }

        Span<char> lower = stackalloc char[256];
        var domain = email.AsSpan(at + 1).Trim().TrimEnd('.');
        if (domain.Length > lower.Length)
        {
            return null;
        }

        domain.ToLowerInvariant(lower);
        var candidate = (ReadOnlySpan<char>)lower[..domain.Length];
        while (true)
        {
            if (_domains.TryGetValue(candidate, out var listed))
            {
                return listed;
            }

            var dot = candidate.IndexOf('.');
            if (dot < 0)
            {
                return null;
            }

            candidate = candidate[(dot + 1)..];
        }
    }
}
