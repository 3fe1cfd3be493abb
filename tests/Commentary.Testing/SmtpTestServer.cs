using System.Buffers;
using System.Net.Sockets;
using System.Threading.Channels;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Commentary.Testing;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a free loopback port, for tests to send to and read what arrived.
/// Plain text on the wire: the app is configured with <c>Mail:Security = None</c> to reach it.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly Channel<MimeMessage> _received = Channel.CreateUnbounded<MimeMessage>();
    private readonly ConcurrentQueue<MimeMessage> _all = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    private SmtpTestServer(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(builder => builder.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_received.Writer, _all));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>Every message that arrived, in order, whether or not a test read it with <see cref="NextForAsync"/>.</summary>
    public IReadOnlyList<MimeMessage> All => [.. _all];

    /// <summary>The application settings that send mail here.</summary>
    public IDictionary<string, string?> Settings(string from = "Commentary <comments@example.org>") => new Dictionary<string, string?>
    {
        ["Mail:Host"] = "127.0.0.1",
        ["Mail:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:From"] = from,
        ["Mail:Security"] = "None",
    };

    /// <summary>A server on <paramref name="port"/>: a stopped server started again where the app expects it.</summary>
    public static SmtpTestServer StartOn(int port) => new(port);

    public static SmtpTestServer Start()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new SmtpTestServer(port);
    }

    /// <summary>The next message that arrives for <paramref name="to"/>; others are skipped.</summary>
    public async Task<MimeMessage> NextForAsync(string to, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var message = await _received.Reader.ReadAsync(cancel.Token);
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase)))
            {
                return message;
            }
        }
    }

    /// <summary>Every message that has arrived for <paramref name="to"/> so far, in order, whoever else read them.</summary>
    public IReadOnlyList<MimeMessage> ReceivedFor(string to) => _all.Where(m => IsFor(m, to)).ToList();

    /// <summary>The first message for <paramref name="to"/>, arrived or arriving, that matches; whoever else read it.</summary>
    public Task<MimeMessage> WaitForAsync(string to, Func<MimeMessage, bool> match, string what, TimeSpan? timeout = null) =>
        Eventually.GetAsync(() => Task.FromResult(_all.FirstOrDefault(m => IsFor(m, to) && match(m))), what, timeout);

    private static bool IsFor(MimeMessage message, string to) =>
        message.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private sealed class Store(ChannelWriter<MimeMessage> received, ConcurrentQueue<MimeMessage> all) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            all.Enqueue(message);
            await received.WriteAsync(message, cancellationToken);
            return SmtpResponse.Ok;
        }
    }
}
