using Commentary.Api;
using Commentary.Api.Hosting;
using Commentary.Api.Protection;
using Commentary.Core.Access;
using Commentary.Core.Moderation.Akismet;
using Commentary.Core.Notifications;
using Commentary.Core.Privacy;
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
            SignInOptions.Section.Replace(":", "__", StringComparison.Ordinal) + "__Authority",
            SignInOptions.Section.Replace(":", "__", StringComparison.Ordinal) + "__ClientId",
            SignInOptions.Section.Replace(":", "__", StringComparison.Ordinal) + "__Audience",
            $"{NotificationOptions.Section}__PublicUrl",
            $"{NotificationOptions.Section}__ModeratorEmails",
            $"{NotificationOptions.Section}__DigestMinutes",
            $"{NotificationOptions.Section}__LinkSigningKey",
            $"{CommenterMailOptions.Section}__CommenterEmails",
            $"{NotificationOptions.Section}__Webhooks__moderators__Url",
            $"{NotificationOptions.Section}__Webhooks__moderators__Format",
            $"{NotificationOptions.Section}__Webhooks__moderators__Secret",
            $"{NotificationOptions.Section}__Webhooks__moderators__Events",
            $"{Api.Comments.FeedOptions.Section}__ArticleUrl",
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
        // The data account's loops; the package account's single container is not application data.
        string?[] Names(string type)
        {
            var (template, resource) = Assert.Single(Main.ResourcesOfType(type), r => r.Resource["copy"] is not null);
            return template.LoopNames(resource).ToArray();
        }

        Assert.Empty(StorageNames.Containers.Except(Names("Microsoft.Storage/storageAccounts/blobServices/containers")));
        Assert.Equal(StorageNames.Queues.Order(StringComparer.Ordinal), Names("Microsoft.Storage/storageAccounts/queueServices/queues").Order(StringComparer.Ordinal));
        Assert.Equal(StorageNames.Tables.Order(StringComparer.Ordinal), Names("Microsoft.Storage/storageAccounts/tableServices/tables").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_storage_accounts_refuse_shared_keys_public_blobs_plain_http_and_tls_before_1_2()
    {
        // Both the data account and the package account (existing references carry no properties).
        var accounts = Main.ResourcesOfType("Microsoft.Storage/storageAccounts").Where(r => r.Resource["properties"] is not null).ToArray();
        Assert.Equal(2, accounts.Length);
        foreach (var (_, account) in accounts)
        {
            var properties = account["properties"]!;
            Assert.False(properties["allowSharedKeyAccess"]?.GetValue<bool>());
            Assert.Equal("TLS1_2", properties["minimumTlsVersion"]?.GetValue<string>());
            Assert.False(properties["allowBlobPublicAccess"]?.GetValue<bool>());
            Assert.True(properties["supportsHttpsTrafficOnly"]?.GetValue<bool>());
        }
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

    [Fact]
    public void Azd_passes_the_kind_of_principal_it_deploys_as_so_a_pipeline_gets_its_roles()
    {
        // A service principal given roles as "User" fails with UnmatchedPrincipalType.
        var file = JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("infra", "main.parameters.json")))!["parameters"]!.AsObject();
        var mapped = file["principalType"]?["value"]?.GetValue<string>();
        Assert.NotNull(mapped);
        Assert.StartsWith("${AZURE_PRINCIPAL_TYPE", mapped, StringComparison.Ordinal);

        var (_, forUser) = Assert.Single(Main.ResourcesOfType("Microsoft.Authorization/roleAssignments"),
            r => r.Resource["properties"]?["principalId"]?.GetValue<string>() == "[parameters('userPrincipalId')]");
        Assert.Equal("[parameters('userPrincipalType')]", forUser["properties"]?["principalType"]?.GetValue<string>());
        var (_, rbac) = Assert.Single(Main.ResourcesOfType("Microsoft.Resources/deployments"), r => r.Resource["name"]?.GetValue<string>() == "rbac");
        Assert.Equal("[parameters('principalType')]", rbac["properties"]?["parameters"]?["userPrincipalType"]?["value"]?.GetValue<string>());
    }

    // ---- Issue 15: what a real `azd up` on Flex Consumption needs, and the hardening around it. ----

    private static (ArmTemplate Template, string Diagnostics) Variant(string name)
    {
        var (template, parameters, diagnostics) = BicepCli.BuildParams(RepositoryRoot.Combine("infra", "variants", name + ".bicepparam"));
        return (new ArmTemplate(template, parameters), diagnostics);
    }

    private static readonly Lazy<(ArmTemplate Template, string Diagnostics)> VnetOn = new(() => Variant("vnet-on"));
    private static readonly Lazy<(ArmTemplate Template, string Diagnostics)> VnetOff = new(() => Variant("vnet-off"));

    private static JsonObject Module(ArmTemplate template, string name) =>
        Assert.Single(template.ResourcesOfType("Microsoft.Resources/deployments"), r => r.Resource["name"]?.GetValue<string>() == name).Resource;

    /// <summary>A setting's value as written in the site's template, following a <c>variables('x').y</c> lookup.</summary>
    private static string RawSetting(ArmTemplate template, JsonNode? value)
    {
        var text = value?.GetValue<string>() ?? string.Empty;
        var lookup = System.Text.RegularExpressions.Regex.Match(text, @"\A\[variables\('(?<v>[^']+)'\)\.(?<p>\w+)\]\z");
        return lookup.Success
            ? template.Json["variables"]?[lookup.Groups["v"].Value]?[lookup.Groups["p"].Value]?.GetValue<string>() ?? string.Empty
            : text;
    }

    [Fact]
    public void Both_network_variants_build_and_type_check_without_a_warning()
    {
        Assert.Equal(string.Empty, VnetOn.Value.Diagnostics);
        Assert.Equal(string.Empty, VnetOff.Value.Diagnostics);
        Assert.True(VnetOn.Value.Template.Json["parameters"]?["vnetEnabled"] is not null);
    }

    [Fact]
    public void The_site_sets_no_ftps_state_which_flex_consumption_rejects_and_turns_basic_publishing_credentials_off()
    {
        Assert.Null(FunctionApp["properties"]?["siteConfig"]?["ftpsState"]);

        var policies = Main.ResourcesOfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").Select(r => r.Resource).ToArray();
        var names = policies.Select(p => System.Text.RegularExpressions.Regex.Match(p["name"]!.GetValue<string>(), @"'(?<n>ftp|scm)'\)\]\z").Groups["n"].Value);
        Assert.Equal(["ftp", "scm"], names.Order(StringComparer.Ordinal));
        Assert.All(policies, p => Assert.False(p["properties"]?["allow"]?.GetValue<bool>()));
    }

    [Fact]
    public void Only_the_site_carries_the_azd_service_name_tag()
    {
        // azd before 1.23.4 refuses to deploy when two resources carry the tag (it used to be on the plan too).
        foreach (var template in new[] { Main, VnetOn.Value.Template })
        {
            var tagged = template.Resources()
                .Where(r => r.Template.Resolve(r.Resource["tags"]) is JsonObject tags && tags.ContainsKey("azd-service-name"))
                .Select(r => r.Resource["type"]!.GetValue<string>())
                .ToArray();
            Assert.Equal(["Microsoft.Web/sites"], tagged);
        }
    }

    [Fact]
    public void With_vnetEnabled_storage_is_reached_only_through_private_endpoints_for_blob_queue_and_table()
    {
        var on = VnetOn.Value.Template;

        // The app's subnet is delegated the way Flex Consumption requires, and the site integrates with it.
        var (_, vnet) = Assert.Single(on.ResourcesOfType("Microsoft.Network/virtualNetworks"));
        Assert.Contains(vnet["properties"]!["subnets"]!.AsArray(),
            s => s!["properties"]?["delegations"]?[0]?["properties"]?["serviceName"]?.GetValue<string>() == "Microsoft.App/environments");
        Assert.StartsWith("[if(parameters('vnetEnabled'), createObject('value', reference(", Module(on, "api")["properties"]?["parameters"]?["subnetId"]?.ToString(), StringComparison.Ordinal);
        Assert.Equal("[if(empty(parameters('subnetId')), null(), parameters('subnetId'))]", FunctionApp["properties"]?["virtualNetworkSubnetId"]?.GetValue<string>());

        // Private endpoints (with their DNS zone groups) for each service of the data account, and blob for the package account.
        var endpoints = on.ResourcesOfType("Microsoft.Network/privateEndpoints").ToArray();
        Assert.Equal(2, endpoints.Length);
        var services = endpoints.Select(e => e.Template.LoopItems(e.Resource)!.Select(i => i!.GetValue<string>()).Order(StringComparer.Ordinal).ToArray()).ToArray();
        Assert.Contains(["blob", "queue", "table"], services);
        Assert.Contains(["blob"], services);
        Assert.Equal(2, on.ResourcesOfType("Microsoft.Network/privateEndpoints/privateDnsZoneGroups").Count());
        var (zonesTemplate, zones) = Assert.Single(on.ResourcesOfType("Microsoft.Network/privateDnsZones"));
        Assert.Equal(["blob", "queue", "table"], zonesTemplate.LoopItems(zones)!.Select(i => i!.GetValue<string>()));

        // Public network access is off on both accounts with the switch on, and on without it.
        static string?[] Access(ArmTemplate template) => template.ResourcesOfType("Microsoft.Storage/storageAccounts")
            .Where(r => r.Resource["properties"] is not null)
            .Select(r => r.Template.ResolveString(r.Resource["properties"]!["publicNetworkAccess"]))
            .ToArray();
        Assert.All(Access(on), a => Assert.Equal("Disabled", a));
        Assert.All(Access(VnetOff.Value.Template), a => Assert.Equal("Enabled", a));
        Assert.Equal(2, Access(on).Length);
        Assert.Empty(VnetOff.Value.Template.ResourcesOfType("Microsoft.Network/privateEndpoints"));
        Assert.Empty(VnetOff.Value.Template.ResourcesOfType("Microsoft.Network/virtualNetworks"));
        Assert.False(Main.Json["parameters"]?["vnetEnabled"]?["defaultValue"]?.GetValue<bool>());
    }

    [Fact]
    public void The_location_is_limited_to_flex_consumption_regions_and_azd_knows_it_is_a_location()
    {
        var location = Main.Json["parameters"]!["location"]!;
        Assert.Equal("location", location["metadata"]?["azd"]?["type"]?.GetValue<string>());
        var allowed = Assert.IsType<JsonArray>(location["allowedValues"]).Select(v => v!.GetValue<string>()).ToArray();
        // The region docs/deploy.md uses is allowed; one without Flex Consumption (and a typo) is not.
        Assert.Contains("swedencentral", allowed);
        Assert.DoesNotContain("westindia", allowed);
        Assert.DoesNotContain("swedencentrall", allowed);
    }

    [Fact]
    public void Secrets_live_in_a_key_vault_and_the_site_holds_only_references_resolved_with_its_identity()
    {
        var settings = AppSettings(out var template);
        string[] secrets =
        [
            $"{ModeratorOptions.Section}__Moderators__0__KeySha256",
            IpAddressHasher.Setting.Replace(":", "__", StringComparison.Ordinal),
            AkismetOptions.Section.Replace(":", "__", StringComparison.Ordinal) + "__ApiKey",
            "Mail__Password",
            "Notifications__LinkSigningKey",
            "Notifications__Webhooks__moderators__Url",
            "Notifications__Webhooks__moderators__Secret",
        ];
        foreach (var name in secrets)
        {
            Assert.Contains("@Microsoft.KeyVault(SecretUri=", RawSetting(template, settings[name]), StringComparison.Ordinal);
        }

        // No secret even reaches the site's module: it has no secure parameter, so no setting can carry one.
        var site = Module(Main, "api");
        Assert.DoesNotContain(template.Json["parameters"]!.AsObject(), p => p.Value?["type"]?.GetValue<string>() == "securestring");
        Assert.DoesNotContain(site["properties"]!["parameters"]!.AsObject(), p => Main.Json["parameters"]?[p.Key]?["type"]?.GetValue<string>() == "securestring");
        Assert.Equal("[parameters('identityId')]", FunctionApp["properties"]?["keyVaultReferenceIdentity"]?.GetValue<string>());

        // The vault authorises with RBAC, and the app's identity may read secrets there.
        var (_, vault) = Assert.Single(Main.ResourcesOfType("Microsoft.KeyVault/vaults"));
        Assert.True(vault["properties"]?["enableRbacAuthorization"]?.GetValue<bool>());
        var vaultTemplate = Main.ResourcesOfType("Microsoft.KeyVault/vaults").Single().Template;
        var (_, reader) = Assert.Single(Main.ResourcesOfType("Microsoft.Authorization/roleAssignments"), r => r.Template.Json == vaultTemplate.Json);
        // Key Vault Secrets User, a built-in role id that is the same in every tenant.
        var role = System.Text.RegularExpressions.Regex.Match(reader["properties"]?["roleDefinitionId"]?.GetValue<string>() ?? string.Empty, @"variables\('(?<v>[^']+)'\)\)\]\z");
        Assert.Equal("4633458b-17de-408a-b874-0445c86b69e6", vaultTemplate.Json["variables"]?[role.Groups["v"].Value]?.GetValue<string>());
        Assert.Equal("[parameters('identityPrincipalId')]", reader["properties"]?["principalId"]?.GetValue<string>());
        Assert.Equal(7, vaultTemplate.ResourcesOfType("Microsoft.KeyVault/vaults/secrets").Count());
    }

    [Fact]
    public void Comment_data_has_soft_delete_versioning_and_a_delete_lock_and_the_package_lives_in_another_account()
    {
        var (storageTemplate, blobService) = Assert.Single(Main.ResourcesOfType("Microsoft.Storage/storageAccounts/blobServices"),
            r => r.Template.ResourcesOfType("Microsoft.Storage/storageAccounts/queueServices").Any());
        var properties = blobService["properties"]!;
        Assert.True(properties["deleteRetentionPolicy"]?["enabled"]?.GetValue<bool>());
        Assert.Equal(14, storageTemplate.Resolve(properties["deleteRetentionPolicy"]?["days"])?.GetValue<int>());
        Assert.True(properties["containerDeleteRetentionPolicy"]?["enabled"]?.GetValue<bool>());
        Assert.Equal(14, storageTemplate.Resolve(properties["containerDeleteRetentionPolicy"]?["days"])?.GetValue<int>());
        // Versioning is per account in Azure; it covers the articles container with the rest of the data account.
        Assert.True(properties["isVersioningEnabled"]?.GetValue<bool>());
        Assert.Contains(StorageNames.Containers[0], storageTemplate.LoopNames(storageTemplate.ResourcesOfType("Microsoft.Storage/storageAccounts/blobServices/containers").Single().Resource));

        var (lockTemplate, deleteLock) = Assert.Single(Main.ResourcesOfType("Microsoft.Authorization/locks"));
        Assert.Same(storageTemplate.Json, lockTemplate.Json);
        Assert.Equal("CanNotDelete", deleteLock["properties"]?["level"]?.GetValue<string>());
        Assert.Contains("Microsoft.Storage/storageAccounts", deleteLock["scope"]?.GetValue<string>() ?? string.Empty, StringComparison.Ordinal);

        // The package container is the package account's, and the app's role there is scoped to that account.
        var packageUrl = Module(Main, "api")["properties"]?["parameters"]?["deploymentContainerUrl"]?["value"]?.GetValue<string>() ?? string.Empty;
        Assert.Contains("'package-storage'", packageUrl, StringComparison.Ordinal);
        Assert.DoesNotContain("'storage')", packageUrl, StringComparison.Ordinal);
        Assert.DoesNotContain(storageTemplate.LoopNames(storageTemplate.ResourcesOfType("Microsoft.Storage/storageAccounts/blobServices/containers").Single().Resource),
            name => name is not null && name.Contains("package", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void In_azure_the_template_creates_storage_so_the_app_skips_its_create_calls()
    {
        var settings = AppSettings(out var template);
        Assert.Equal("false", template.ResolveString(settings[StorageInitializer.CreateSetting.Replace(":", "__", StringComparison.Ordinal)]));
    }

    [Fact]
    public async Task With_create_calls_skipped_storage_is_ready_at_once_without_a_single_request()
    {
        // An endpoint nobody listens on: one create call would fail and be retried, never reporting ready.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [StorageNames.ConnectionSetting] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;",
            [StorageInitializer.CreateSetting] = "false",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddCommentary(configuration);
        await using var provider = services.BuildServiceProvider();
        var initializer = provider.GetRequiredService<StorageInitializer>();

        await initializer.StartAsync(CancellationToken.None);
        await initializer.Ready.WaitAsync(TimeSpan.FromSeconds(5));
        await initializer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void The_instance_cap_is_a_parameter_of_100_by_default_that_reaches_the_site()
    {
        var parameter = Main.Json["parameters"]!["maximumInstanceCount"];
        Assert.Equal(100, parameter?["defaultValue"]?.GetValue<int>());
        Assert.Equal("[parameters('maximumInstanceCount')]", Module(Main, "api")["properties"]?["parameters"]?["maximumInstanceCount"]?["value"]?.GetValue<string>());
        var (template, app) = Assert.Single(Main.ResourcesOfType("Microsoft.Web/sites"));
        Assert.Equal(100, template.Resolve(app["properties"]?["functionAppConfig"]?["scaleAndConcurrency"]?["maximumInstanceCount"])?.GetValue<int>());

        var file = JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("infra", "main.parameters.json")))!["parameters"]!.AsObject();
        var mapped = System.Text.RegularExpressions.Regex.Match(file["maximumInstanceCount"]?["value"]?.GetValue<string>() ?? string.Empty, @"\A\$\{(?<name>[A-Z_]+)=100\}\z");
        Assert.True(mapped.Success, "main.parameters.json maps maximumInstanceCount to an azd variable with 100 as its default");
        // docs/scale.md says what the cap does to storage and how to change it.
        Assert.Contains(mapped.Groups["name"].Value, File.ReadAllText(RepositoryRoot.Combine("docs", "scale.md")), StringComparison.Ordinal);
    }
}
