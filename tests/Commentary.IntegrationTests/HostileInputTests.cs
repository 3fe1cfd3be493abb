using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Xunit.Abstractions;

namespace Commentary.IntegrationTests;

/// <summary>
/// The hostile corpus (Hostile/requests.json): every request goes through the real HTTP pipeline and gets its expected
/// 4xx problem answer, never a 5xx, and stores nothing; XSS inside an otherwise valid comment is stored and comes back inert.
/// </summary>
[Collection(StorageTestGroup.Name)]
public sealed class HostileInputTests(StorageFixture fixture, ITestOutputHelper output)
{
    private readonly SelfHost _host = fixture.Host;

    private sealed record HostileRequest(
        string Name, string Method, string Path, int Expect, string? Body, string? BodyBase64, string? ContentType,
        Dictionary<string, string>? Headers, bool Moderator, bool Stored);

    private static IReadOnlyList<HostileRequest> Corpus() =>
        JsonSerializer.Deserialize<HostileRequest[]>(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Hostile", "requests.json")),
            ApiCalls.Json)!;

    [Fact]
    public async Task Every_hostile_request_gets_its_4xx_problem_and_stores_nothing_and_xss_comes_back_inert()
    {
        var corpus = Corpus();
        Assert.True(corpus.Count >= 60, "the corpus has at least 60 requests");
        var slug = await _host.AddArticleAsync("hostile");
        var unknownId = CommentId.New();
        var accepted = new List<string>();
        var failures = new List<string>();

        foreach (var entry in corpus)
        {
            using var request = new HttpRequestMessage(new HttpMethod(entry.Method), entry.Path.Replace("{slug}", slug, StringComparison.Ordinal).Replace("{id}", unknownId, StringComparison.Ordinal));
            var bytes = entry.BodyBase64 is not null ? Convert.FromBase64String(entry.BodyBase64) : entry.Body is not null ? Encoding.UTF8.GetBytes(entry.Body) : null;
            if (bytes is not null)
            {
                request.Content = new ByteArrayContent(bytes);
                request.Content.Headers.ContentType = null;
                if (!string.IsNullOrEmpty(entry.ContentType))
                {
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", entry.ContentType);
                }
            }

            foreach (var (name, value) in entry.Headers ?? [])
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            if (entry.Moderator)
            {
                request.Headers.Authorization = new("Bearer", SelfHost.ModeratorKey);
            }

            using var response = await _host.Client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            if (status != entry.Expect)
            {
                failures.Add($"{entry.Name}: expected {entry.Expect}, got {status} {text}");
                continue;
            }

            if (status >= 400)
            {
                if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{entry.Name}: {status} without problem+json ({response.Content.Headers.ContentType})");
                }

                if (text.Contains("   at ", StringComparison.Ordinal) || text.Contains("Exception", StringComparison.Ordinal))
                {
                    failures.Add($"{entry.Name}: the answer looks like a stack trace: {text}");
                }
            }
            else
            {
                accepted.Add(JsonNode.Parse(text)!["id"]!.GetValue<string>());
            }
        }

        output.WriteLine($"{corpus.Count} hostile requests, {accepted.Count} accepted as valid comments.");
        Assert.Empty(failures);
        Assert.Equal(corpus.Count(e => e.Stored), accepted.Count);

        // Only the comments we accepted are stored, once each.
        foreach (var id in accepted)
        {
            await _host.StoredStatusAsync(slug, id);
            await _host.ModerateAsync("approve", slug, id);
        }

        await Drained.QueueAsync(_host.Storage.Submissions);
        var stored = new List<string>();
        await foreach (var e in _host.Storage.Comments.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {slug} and RowKey lt '~'")))
        {
            stored.Add(e.RowKey);
        }

        Assert.Equal(accepted.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));

        var page = await _host.GetJsonAsync($"articles/{slug}/comments");
        foreach (var item in page["items"]!.AsArray())
        {
            var html = item!["html"]!.GetValue<string>();
            Assert.DoesNotContain(item["body"]!.GetValue<string>(), SubmissionValidator.IsInvisibleFormatting);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<svg", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
            Assert.Empty(OutsideTheAllowedSet(html));
        }
    }

    // Every element and attribute in a rendered body must be one the renderer allows, and every link http(s) or mailto.
    private static List<string> OutsideTheAllowedSet(string html)
    {
        var problems = new List<string>();
        foreach (var element in new HtmlParser().ParseDocument("<body>" + html + "</body>").Body!.QuerySelectorAll("*"))
        {
            if (!CommentBodyRenderer.AllowedElements.TryGetValue(element.LocalName, out var attributes))
            {
                problems.Add($"<{element.LocalName}>");
                continue;
            }

            problems.AddRange(element.Attributes.Where(a => !attributes.Contains(a.Name)).Select(a => $"{a.Name} on <{element.LocalName}>"));
            if (element.LocalName == "a" && !CommentBodyRenderer.IsAllowedLink(element.GetAttribute("href")))
            {
                problems.Add($"a link to {element.GetAttribute("href")}");
            }
        }

        return problems;
    }
}
