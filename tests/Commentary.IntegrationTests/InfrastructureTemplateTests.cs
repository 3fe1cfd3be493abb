using System.Text.Json.Nodes;
using Commentary.Api.Protection;
using Commentary.Core.Access;
using Commentary.Core.Comments;
using Commentary.Core.Moderation;
using Commentary.Core.Moderation.Akismet;
using Commentary.Core.Privacy;
using Commentary.Core.Storage;
using Commentary.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Commentary.IntegrationTests;

/// <summary>
/// infra/main.bicep, compiled by the real Bicep CLI, against what the code expects: the settings it reads, the storage
/// names it uses, and the security the design promises (identity only, no keys, TLS 1.2, no public blobs).
/// </summary>
public sealed class InfrastructureTemplateTests
{
    private static readonly Lazy<(ArmTemplate Template, string Diagnostics)> Compiled = new(() =>
    {
        var (template, diagnostics) = BicepCli.Build(RepositoryRoot.Combine("infra", "main.bicep"));
        return (new ArmTemplate(template), diagnostics);
    });

    private static ArmTemplate Main => Compiled.Value.Template;

    private static JsonObject FunctionApp => Assert.Single(Main.ResourcesOfType("Microsoft.Web/sites")).Resource;

    private static Dictionary<string, JsonNode?> AppSettings(out ArmTemplate declaredIn)
    {
        var (template, app) = Assert.Single(Main.ResourcesOfType("Microsoft.Web/sites"));
        declaredIn = template;
        var settings = app["properties"]?["siteConfig"]?["appSettings"] as JsonArray;
        Assert.NotNull(settings);
        return settings.OfType<JsonObject>().ToDictionary(s => s["name"]!.GetValue<string>(), s => s["value"], StringComparer.Ordinal);
    }

    [Fact]
    public void The_templates_compile_without_a_single_warning()
    {
        Assert.Equal(string.Empty, Compiled.Value.Diagnostics);
    }

    [Fact]
    public void Every_setting_the_application_reads_is_set_by_the_template()
    {
        var settings = AppSettings(out _);
        string[] required =
        [
            $"{StorageNames.ConnectionSetting}__blobServiceUri",
            $"{StorageNames.ConnectionSetting}__queueServiceUri",
            $"{StorageNames.ConnectionSetting}__tableServiceUri",
            $"{StorageNames.ConnectionSetting}__credential",
            $"{StorageNames.ConnectionSetting}__clientId",
            "APPLICATIONINSIGHTS_CONNECTION_STRING",
            $"{ModeratorOptions.Section}__Moderators__0__Name",
            $"{ModeratorOptions.Section}__Moderators__0__KeySha256",
            IpAddressHasher.Setting.Replace(":", "__", StringComparison.Ordinal),
            ClientAddress.Setting.Replace(":", "__", StringComparison.Ordinal) + "__0",
            AkismetOptions.Section.Replace(":", "__", StringComparison.Ordinal) + "__ApiKey",
            AkismetOptions.Section.Replace(":", "__", StringComparison.Ordinal) + "__SiteUrl",
        ];

        Assert.Empty(required.Except(settings.Keys, StringComparer.Ordinal));
    }

    [Fact]
    public void The_storage_settings_in_the_template_are_the_identity_form_the_storage_clients_accept()
    {
        var settings = AppSettings(out var template);
        Assert.Equal("managedidentity", template.ResolveString(settings[$"{StorageNames.ConnectionSetting}__credential"]));

        // The URIs and client id are deployment outputs; stand-ins of the same shape show the code reads these names.
        var values = settings.Keys
            .Where(k => k.StartsWith(StorageNames.ConnectionSetting + "__", StringComparison.Ordinal))
            .ToDictionary(
                k => k.Replace("__", ":", StringComparison.Ordinal),
                k => k.EndsWith("ServiceUri", StringComparison.Ordinal)
                    ? $"https://account.{k[(StorageNames.ConnectionSetting.Length + 2)..^"ServiceUri".Length]}.core.windows.net/"
                    : template.ResolveString(settings[k]) ?? "00000000-0000-0000-0000-000000000000");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values!).Build();

        var clients = StorageClients.FromConfiguration(configuration);

        Assert.Equal("account.blob.core.windows.net", clients.Blobs.Uri.Host);
        Assert.Equal("account.queue.core.windows.net", clients.Queues.Uri.Host);
        Assert.Equal("account.table.core.windows.net", clients.Tables.Uri.Host);
    }

    [Fact]
    public void No_setting_carries_a_storage_key_or_a_setting_that_flex_consumption_rejects()
    {
        var settings = AppSettings(out var template);

        Assert.DoesNotContain(StorageNames.ConnectionSetting, settings.Keys);
        Assert.DoesNotContain(settings.Values, v => (template.ResolveString(v) ?? string.Empty).Contains("AccountKey", StringComparison.OrdinalIgnoreCase));
        // Flex Consumption takes the runtime from functionAppConfig and refuses these settings.
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", settings.Keys);
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", settings.Keys);
        Assert.DoesNotContain("WEBSITE_RUN_FROM_PACKAGE", settings.Keys);
        Assert.DoesNotContain("WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", settings.Keys);
    }

    [Fact]
    public void The_function_app_runs_dotnet_isolated_10_on_flex_consumption_over_https_only()
    {
        var (_, plan) = Assert.Single(Main.ResourcesOfType("Microsoft.Web/serverfarms"));
        Assert.Equal("FC1", plan["sku"]?["name"]?.GetValue<string>());
        Assert.Equal("FlexConsumption", plan["sku"]?["tier"]?.GetValue<string>());

        var properties = FunctionApp["properties"]!;
        Assert.Equal("dotnet-isolated", properties["functionAppConfig"]?["runtime"]?["name"]?.GetValue<string>());
        Assert.Equal("10.0", properties["functionAppConfig"]?["runtime"]?["version"]?.GetValue<string>());
        Assert.Equal("UserAssignedIdentity", properties["functionAppConfig"]?["deployment"]?["storage"]?["authentication"]?["type"]?.GetValue<string>());
        Assert.True(properties["httpsOnly"]?.GetValue<bool>());
        Assert.Equal("1.2", properties["siteConfig"]?["minTlsVersion"]?.GetValue<string>());
    }

    [Fact]
    public void Azd_deploys_the_functions_project_to_the_app_tagged_with_its_service_name()
    {
        var (template, app) = Assert.Single(Main.ResourcesOfType("Microsoft.Web/sites"));
        var service = template.ResolveString(template.Resolve(app["tags"])?["azd-service-name"]);

        var azureYaml = new YamlDotNet.Serialization.DeserializerBuilder().Build()
            .Deserialize<Dictionary<string, object>>(File.ReadAllText(RepositoryRoot.Combine("azure.yaml")));
        var services = Assert.IsAssignableFrom<IDictionary<object, object>>(azureYaml["services"]);
        var api = Assert.IsAssignableFrom<IDictionary<object, object>>(Assert.Single(services).Value);

        Assert.Equal(Assert.Single(services).Key, service);
        Assert.Equal("function", api["host"]);
        Assert.Equal("dotnet", api["language"]);
        Assert.True(File.Exists(RepositoryRoot.Combine(((string)api["project"]).Split('/').Append("Commentary.Functions.csproj").ToArray())));
    }

    [Fact]
    public void The_container_queues_and_tables_carry_the_names_the_code_uses()
    {
        string?[] Names(string type)
        {
            var (template, resource) = Assert.Single(Main.ResourcesOfType(type));
            return template.LoopNames(resource).ToArray();
        }

        Assert.Empty(StorageNames.Containers.Except(Names("Microsoft.Storage/storageAccounts/blobServices/containers")));
        Assert.Equal(StorageNames.Queues.Order(StringComparer.Ordinal), Names("Microsoft.Storage/storageAccounts/queueServices/queues").Order(StringComparer.Ordinal));
        Assert.Equal(StorageNames.Tables.Order(StringComparer.Ordinal), Names("Microsoft.Storage/storageAccounts/tableServices/tables").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_storage_account_refuses_shared_keys_public_blobs_plain_http_and_tls_before_1_2()
    {
        var (_, account) = Assert.Single(Main.ResourcesOfType("Microsoft.Storage/storageAccounts"), r => r.Resource["properties"] is not null);
        var properties = account["properties"]!;

        Assert.False(properties["allowSharedKeyAccess"]?.GetValue<bool>());
        Assert.Equal("TLS1_2", properties["minimumTlsVersion"]?.GetValue<string>());
        Assert.False(properties["allowBlobPublicAccess"]?.GetValue<bool>());
        Assert.True(properties["supportsHttpsTrafficOnly"]?.GetValue<bool>());
    }

    [Fact]
    public void The_apps_identity_gets_the_blob_queue_and_table_data_roles_on_the_storage_account()
    {
        const string blobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
        const string queueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
        const string tableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";

        var forIdentity = Main.ResourcesOfType("Microsoft.Authorization/roleAssignments")
            .Where(r => r.Resource["properties"]?["principalId"]?.GetValue<string>() == "[parameters('identityPrincipalId')]"
                && r.Resource["copy"] is not null)
            .ToArray();
        var (template, assignment) = Assert.Single(forIdentity);
        var roles = template.LoopItems(assignment);

        Assert.NotNull(roles);
        Assert.Equal(
            new[] { blobDataOwner, queueDataContributor, tableDataContributor }.Order(StringComparer.Ordinal),
            roles.Select(r => r!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Contains("Microsoft.Storage/storageAccounts", assignment["scope"]?.GetValue<string>() ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public void The_moderator_key_hash_is_a_secure_parameter_and_azd_supplies_every_required_parameter()
    {
        var parameters = Main.Json["parameters"]!.AsObject();
        Assert.Equal("securestring", parameters["moderatorKeySha256"]?["type"]?.GetValue<string>(), ignoreCase: true);

        var required = parameters.Where(p => p.Value?["defaultValue"] is null).Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();
        var file = JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("infra", "main.parameters.json")))!["parameters"]!.AsObject();
        Assert.Empty(required.Except(file.Select(p => p.Key), StringComparer.Ordinal));
        Assert.Empty(file.Select(p => p.Key).Except(parameters.Select(p => p.Key), StringComparer.Ordinal));
        Assert.Equal("${AZURE_PRINCIPAL_ID}", file["principalId"]?["value"]?.GetValue<string>());
    }
}
