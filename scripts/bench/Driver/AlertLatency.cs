using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Commentary.Core.Notifications;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Commentary.Bench;

/// <summary>
/// How soon moderators hear of a crisis comment: from the POST to the alert's arrival at a webhook receiver (Kestrel,
/// each call's Standard Webhooks signature checked) and at an SMTP server (the SmtpServer package), both run here on
/// the ports the self-host was pointed at. One comment at a time, so each sample is the pipeline's own latency.
/// </summary>
public static class AlertLatency
{
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(60);
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<string> RunAsync(BenchStorage storage, string api, int count, int hookPort, int smtpPort, string secret)
    {
        var webhooks = new ConcurrentDictionary<string, DateTime>();
        var mails = new ConcurrentDictionary<string, DateTime>();
        var unsigned = 0;
        var key = WebhookSignature.SecretBytes(secret) ?? throw new ArgumentException("secret is not a Standard Webhooks secret");

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{hookPort}");
        builder.Logging.ClearProviders();
        await using var receiver = builder.Build();
        receiver.MapPost("/hooks/{name}", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            var id = request.Headers[WebhookSignature.IdHeader].ToString();
            var timestamp = DateTimeOffset.FromUnixTimeSeconds(long.Parse(request.Headers[WebhookSignature.TimestampHeader].ToString(), CultureInfo.InvariantCulture));
            if (request.Headers[WebhookSignature.SignatureHeader].ToString() != WebhookSignature.Sign(key, id, timestamp, body))
            {
                Interlocked.Increment(ref unsigned);
                return Results.StatusCode(401);
            }

            var commentId = JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("commentId").GetString()!;
            webhooks.TryAdd(commentId, DateTime.UtcNow);
            return Results.Ok();
        });
        await receiver.StartAsync();

        using var stopSmtp = new CancellationTokenSource();
        var smtpOptions = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, smtpPort))).Build();
        var smtpServices = new SmtpServer.ComponentModel.ServiceProvider();
        smtpServices.Add(new MailStore(mails));
        var smtp = new SmtpServer.SmtpServer(smtpOptions, smtpServices).StartAsync(stopSmtp.Token);

        // The self-host is started by run.sh once the receivers listen; wait for it.
        await WaitForHealthAsync(api);
        var toWebhook = new List<double>();
        var toMail = new List<double>();
        await CrisisSampling.RunAsync(storage, Client, api, count, "alert", async (id, clock) =>
        {
            var started = DateTime.UtcNow - clock.Elapsed;
            toWebhook.Add(await ArrivalAsync(webhooks, id, started));
            toMail.Add(await ArrivalAsync(mails, id, started));
        });

        await stopSmtp.CancelAsync();
        await receiver.StopAsync();
        try
        {
            await smtp;
        }
        catch (OperationCanceledException)
        {
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"RESULT {CrisisSampling.Summary("webhook", toWebhook)} {CrisisSampling.Summary("mail", toMail)} samples={count} bad_signatures={unsigned}");
    }

    private static async Task<double> ArrivalAsync(ConcurrentDictionary<string, DateTime> arrivals, string id, DateTime started)
    {
        var deadline = DateTime.UtcNow + GiveUp;
        while (DateTime.UtcNow < deadline)
        {
            if (arrivals.TryGetValue(id, out var at))
            {
                return (at - started).TotalSeconds;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"No alert for comment {id} within a minute.");
    }

    private static async Task WaitForHealthAsync(string api)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var health = await Client.GetAsync($"{api}/api/health");
                if (health.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The self-host did not become healthy.");
    }

    /// <summary>Notes when the alert for each comment arrived: the comment id is in its dashboard link.</summary>
    private sealed class MailStore(ConcurrentDictionary<string, DateTime> arrivals) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var at = DateTime.UtcNow;
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            var text = message.TextBody ?? string.Empty;
            var marker = "moderation.html#comment/";
            var start = text.IndexOf(marker, StringComparison.Ordinal);
            if (start >= 0)
            {
                var rest = text[(start + marker.Length)..];
                var id = rest.Split('/', 2)[1][..Commentary.Core.Comments.CommentId.Length];
                arrivals.TryAdd(id, at);
            }

            return SmtpResponse.Ok;
        }
    }
}
