using Commentary.Api.Moderation;
using Commentary.Api.OpenApi;
using Commentary.Core.Access;

namespace Commentary.Tests.Moderation;

/// <summary>
/// The role table against the OpenAPI document both hosts serve: every secured operation names exactly the role the
/// table declares for its function, in every security alternative, and documents the 403 it can answer.
/// </summary>
public sealed class ModeratorRoutesTests
{
    private static JsonDocument Document()
    {
        using var stream = typeof(OpenApiEndpoints).Assembly.GetManifestResourceStream(OpenApiEndpoints.ResourceName)!;
        return JsonDocument.Parse(stream);
    }

    [Fact]
    public void Every_secured_operation_of_the_document_requires_the_role_the_table_declares_and_no_other_is_secured()
    {
        using var document = Document();
        var documented = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Select(o => o.Value))
            {
                var id = operation.GetProperty("operationId").GetString()!;
                // A writer's edit token (editToken) secures one comment for its writer and gives no role: still public.
                var alternatives = operation.GetProperty("security").EnumerateArray().Where(a => !a.TryGetProperty("editToken", out _)).ToArray();
                if (alternatives.Length == 0)
                {
                    continue;
                }

                var roles = alternatives.SelectMany(a => a.EnumerateObject()).Select(s => string.Join(",", s.Value.EnumerateArray().Select(r => r.GetString()))).Distinct().ToArray();
                documented[id] = string.Join(" | ", roles);
                if (!operation.GetProperty("responses").TryGetProperty("403", out _))
                {
                    problems.Add($"{id} documents no 403.");
                }
            }
        }

        var declared = ModeratorRoutes.Required.ToDictionary(r => r.Key, r => ModeratorRoleNames.ToWire(r.Value), StringComparer.Ordinal);
        Assert.Equal(declared.OrderBy(d => d.Key, StringComparer.Ordinal), documented.OrderBy(d => d.Key, StringComparer.Ordinal));
        Assert.Empty(problems);
    }

    [Fact]
    public void The_table_names_both_roles_and_keeps_the_destructive_and_site_wide_routes_for_admins()
    {
        Assert.Contains(ModeratorRole.Moderator, ModeratorRoutes.Required.Values);
        Assert.Contains(ModeratorRole.Admin, ModeratorRoutes.Required.Values);
        foreach (var name in new[] { "PutModerationSettings", "AddBan", "EraseCommenter", "ExportCommenter", "RetrainModerationModel", "DiscardPoisonMessage", "DeleteComment" })
        {
            Assert.Equal(ModeratorRole.Admin, ModeratorRoutes.RoleFor(name));
        }

        Assert.Throws<InvalidOperationException>(() => ModeratorRoutes.RoleFor("NoSuchRoute"));
    }
}
