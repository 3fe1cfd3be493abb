using Commentary.Core.Storage;
using Microsoft.Extensions.Configuration;

namespace Commentary.Cli.Hosting;

/// <summary>
/// Opens the same storage the hosts use, from <c>--storage</c> or the <c>AzureWebJobsStorage</c> setting in the
/// environment, through <see cref="StorageClients.FromConfiguration"/>: Azurite and Azure alike.
/// </summary>
public static class StorageConnection
{
    public static async Task<StorageClients> OpenAsync(StorageSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = new ConfigurationBuilder().AddEnvironmentVariables();
        if (!string.IsNullOrWhiteSpace(settings.Storage))
        {
            builder.AddInMemoryCollection([KeyValuePair.Create<string, string?>(StorageNames.ConnectionSetting, settings.Storage)]);
        }

        var storage = StorageClients.FromConfiguration(builder.Build(), patience: StoragePatience.BatchTool);
        // A fresh account (or Azurite) has no container or tables yet; creating them is idempotent.
        await StorageProvisioning.EnsureCreatedAsync(storage, cancellationToken);
        return storage;
    }
}
