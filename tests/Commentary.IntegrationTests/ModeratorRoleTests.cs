using Commentary.Api.Moderation;
using Commentary.Core.Access;

namespace Commentary.IntegrationTests;

/// <summary>
/// Roles through real HTTP on the self-host: every moderator route, listed from the endpoint data source (not from a
/// list kept here), declares a role, refuses a caller without credentials, refuses a <c>moderator</c>-role key where it
/// requires <c>admin</c>, and lets that key through where <c>moderator</c> is enough.
/// </summary>
[Collection(StorageTestGroup.Name)]
public sealed class ModeratorRoleTests(StorageFixture fixture)
{
    private readonly SelfHost _host = fixture.Host;

    [Fact]
    public void Every_moderator_route_declares_the_role_the_table_gives_it_and_the_table_lists_no_other_route()
    {
        var mapped = MappedModeratorRoute.Of(_host);

        Assert.True(mapped.Count >= 20, $"only {mapped.Count} moderator routes found");
        Assert.All(mapped, r => Assert.True(r.Role is not null, $"{r.Name} ({r.Method} {r.Route}) declares no role."));
        Assert.Equal(
            ModeratorRoutes.Required.OrderBy(r => r.Key, StringComparer.Ordinal),
            mapped.ToDictionary(r => r.Name, r => r.Role!.Value).OrderBy(r => r.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_moderator_route_refuses_no_credentials_and_a_moderator_key_where_admin_is_required()
    {
        var slug = await _host.AddArticleAsync("roles");
        var mapped = MappedModeratorRoute.Of(_host);
        var failures = new List<string>();
        foreach (var route in mapped)
        {
            using (var anonymous = new HttpRequestMessage(new HttpMethod(route.Method), route.PathOn(slug)))
            using (var response = await _host.Client.SendAsync(anonymous))
            {
                if (response.StatusCode != HttpStatusCode.Unauthorized || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{route.Name} without credentials: {(int)response.StatusCode} {response.Content.Headers.ContentType}");
                }
            }

            using var request = _host.AsModerator(new HttpMethod(route.Method), route.PathOn(slug), SelfHost.QueueModeratorKey);
            using var answer = await _host.Client.SendAsync(request);
            var status = (int)answer.StatusCode;
            if (route.Role == ModeratorRole.Admin)
            {
                if (answer.StatusCode != HttpStatusCode.Forbidden)
                {
                    failures.Add($"{route.Name} with a moderator-role key: expected 403, got {status}");
                    continue;
                }

                var problem = await answer.ProblemAsync(HttpStatusCode.Forbidden);
                Assert.Equal("https://commentary.dev/problems/forbidden", problem["type"]!.GetValue<string>());
                Assert.Contains("admin", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
            }
            else if (status is 401 or 403 or >= 500)
            {
                failures.Add($"{route.Name} with a moderator-role key: {status}, though the moderator role is enough");
            }
        }

        Assert.Empty(failures);
        Assert.Contains(mapped, r => r.Role == ModeratorRole.Admin);
        Assert.Contains(mapped, r => r.Role == ModeratorRole.Moderator);
    }

    [Theory]
    [InlineData(SelfHost.ModeratorKey, SelfHost.ModeratorName, "admin")]
    [InlineData(SelfHost.QueueModeratorKey, SelfHost.QueueModeratorName, "moderator")]
    public async Task Me_names_the_key_s_moderator_and_role(string key, string name, string role)
    {
        using var request = _host.AsModerator(HttpMethod.Get, "moderation/me", key);
        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(name, me["name"]!.GetValue<string>());
        Assert.Equal(role, me["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_moderator_approves_in_bulk_and_records_their_name_but_may_not_delete_in_bulk()
    {
        var slug = await _host.AddArticleAsync("roles-bulk");
        var id = await _host.SubmitAsync(slug, "Rae", $"rae-{Guid.NewGuid():N}@example.com", "A first comment from a new address waits.");
        await _host.StoredStatusAsync(slug, id);

        using var delete = _host.AsModerator(HttpMethod.Post, "moderation/comments/bulk", SelfHost.QueueModeratorKey);
        delete.Content = JsonContent.Create(new { action = "delete", items = new[] { new { slug, id } } });
        using var refused = await _host.Client.SendAsync(delete);
        await refused.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.NotNull(await _host.Services.GetRequiredService<CommentStore>().FindAsync(slug, id, CancellationToken.None));

        using var approve = _host.AsModerator(HttpMethod.Post, "moderation/comments/bulk", SelfHost.QueueModeratorKey);
        approve.Content = JsonContent.Create(new { action = "approve", items = new[] { new { slug, id } } });
        using var done = await _host.Client.SendAsync(approve);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var record = await _host.GetModeratorJsonAsync($"moderation/comments/{slug}/{id}");
        Assert.Equal("approved", record["status"]!.GetValue<string>());
        Assert.Contains(record["events"]!.AsArray(), e => e!["by"]?.GetValue<string>() == SelfHost.QueueModeratorName);
    }
}
