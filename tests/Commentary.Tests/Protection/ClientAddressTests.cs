using System.Net;
using Commentary.Api.Protection;
using Microsoft.Extensions.Configuration;

namespace Commentary.Tests.Protection;

public class ClientAddressTests
{
    private static ClientAddress Create(params string[] trusted) => new(new ConfigurationBuilder()
        .AddInMemoryCollection(trusted.Select((t, i) => new KeyValuePair<string, string?>($"{ClientAddress.Setting}:{i}", t)))
        .Build());

    private static DefaultHttpContext From(string remote, string? forwardedFor = null)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        if (forwardedFor is not null)
        {
            context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        }

        return context;
    }

    [Fact]
    public void Forwarded_for_is_ignored_from_a_connection_that_is_not_a_trusted_proxy()
    {
        Assert.Equal("198.51.100.9", Create("10.0.0.1").Of(From("198.51.100.9", "203.0.113.5")));
    }

    [Fact]
    public void Through_a_trusted_proxy_the_right_most_untrusted_hop_is_the_client()
    {
        var address = Create("10.0.0.0/8", "127.0.0.1");
        Assert.Equal("203.0.113.5", address.Of(From("127.0.0.1", "192.0.2.1, 203.0.113.5, 10.1.2.3")));
    }

    [Fact]
    public void A_hop_with_a_port_is_read_without_it()
    {
        Assert.Equal("203.0.113.5", Create("127.0.0.1").Of(From("127.0.0.1", "203.0.113.5:51234")));
        Assert.Equal("2001:db8::1", Create("127.0.0.1").Of(From("127.0.0.1", "[2001:db8::1]:443")));
    }

    [Fact]
    public void A_garbage_hop_stops_the_walk_and_the_proxy_address_is_used()
    {
        Assert.Equal("127.0.0.1", Create("127.0.0.1").Of(From("127.0.0.1", "not-an-address")));
    }

    [Fact]
    public void An_ipv4_mapped_connection_address_counts_as_ipv4()
    {
        Assert.Equal("203.0.113.5", Create("127.0.0.1").Of(From("::ffff:127.0.0.1", "203.0.113.5")));
    }

    [Fact]
    public void A_trusted_proxy_setting_that_is_not_an_address_stops_start_up()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Create("proxy.example"));
        Assert.Contains(ClientAddress.Setting, error.Message, StringComparison.Ordinal);
    }
}
