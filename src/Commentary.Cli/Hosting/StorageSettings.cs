namespace Commentary.Cli.Hosting;

/// <summary>The option every command shares: which storage account to work on.</summary>
public class StorageSettings : CommandSettings
{
    [CommandOption("--storage <CONNECTION_STRING>")]
    [Description("Storage connection string. Default: the AzureWebJobsStorage environment variable, or its identity form (AzureWebJobsStorage__accountName or __blobServiceUri/__queueServiceUri/__tableServiceUri), as the Function App uses.")]
    public string? Storage { get; set; }
}
