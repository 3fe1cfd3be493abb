using System.Net;

namespace Commentary.Api.Protection;

/// <summary>
/// The address a request came from, for rate limits, lockouts and the stored IP hash. <c>X-Forwarded-For</c> is
/// believed only when the connection itself comes from a configured trusted proxy (<c>Network:TrustedProxies</c>,
/// addresses or CIDR ranges); then the right-most address that is not itself a trusted proxy is the client.
/// </summary>
public sealed class ClientAddress
{
    public const string Setting = "Network:TrustedProxies";
    private readonly IPNetwork[] _trusted;

    public ClientAddress(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _trusted = (configuration.GetSection(Setting).Get<string[]>() ?? [])
            .Where(p => !string.IsNullOrWhiteSpace(p))
            .Select(Parse)
            .ToArray();
    }

    public const string Unknown = "unknown";

    public string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var remote = context.Connection.RemoteIpAddress;
        if (remote is null)
        {
            return Unknown;
        }

        remote = Normalise(remote);
        if (!IsTrusted(remote))
        {
            return remote.ToString();
        }

        var hops = context.Request.Headers["X-Forwarded-For"].ToString()
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = hops.Length - 1; i >= 0; i--)
        {
            if (!TryParseHop(hops[i], out var hop))
            {
                break;
            }

            if (!IsTrusted(hop))
            {
                return hop.ToString();
            }
        }

        return remote.ToString();
    }

    private bool IsTrusted(IPAddress address) => _trusted.Any(n => n.Contains(address));

    private static IPAddress Normalise(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    // Some front ends (Azure's among them) append the client's port: "203.0.113.7:51234" or "[2001:db8::1]:443".
    private static bool TryParseHop(string text, out IPAddress address)
    {
        if (IPEndPoint.TryParse(text, out var endpoint))
        {
            address = Normalise(endpoint.Address);
            return true;
        }

        address = IPAddress.None;
        return false;
    }

    private static IPNetwork Parse(string text)
    {
        text = text.Trim();
        if (IPNetwork.TryParse(text, out var network))
        {
            return network;
        }

        if (IPAddress.TryParse(text, out var single))
        {
            single = Normalise(single);
            return new IPNetwork(single, single.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        }

        throw new InvalidOperationException($"'{Setting}' has '{text}', which is neither an IP address nor a CIDR range.");
    }
}
