namespace Commentary.Api.Ui;

/// <summary>One file of the web UI, ready to serve: its bytes as written and gzipped, its media type and its version.</summary>
public sealed record UiAsset(string Name, string ContentType, byte[] Content, byte[] Gzipped, string Version)
{
    /// <summary>HTML pages get a Content-Security-Policy; scripts and stylesheets are loaded by other sites' pages.</summary>
    public bool IsPage => ContentType.StartsWith("text/html", StringComparison.Ordinal);
}
