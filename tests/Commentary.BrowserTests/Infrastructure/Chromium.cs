namespace Commentary.BrowserTests.Infrastructure;

/// <summary>
/// The browser the tests drive: Debian's Chromium package, never a browser Playwright downloads (there is no network
/// for that). scripts/install-browser.sh installs it; without it every browser test fails with this message.
/// </summary>
public static class Chromium
{
    public const string DefaultPath = "/usr/bin/chromium";
    public const string PathVariable = "COMMENTARY_CHROMIUM";

    public static string Locate()
    {
        var path = Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured ? configured : DefaultPath;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {path}. The browser tests drive Debian's chromium package: run " +
                $"scripts/install-browser.sh (as root; scripts/test.sh does it), or set {PathVariable} to a Chromium binary.");
        }

        return path;
    }

    /// <summary>
    /// Headless and quiet: no first-run screens, no background calls home. Playwright gives every launch a fresh
    /// temporary profile (--user-data-dir) of its own and deletes it on close.
    /// </summary>
    public static BrowserTypeLaunchOptions LaunchOptions(string executablePath) => new()
    {
        ExecutablePath = executablePath,
        Headless = true,
        Args =
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
        ],
    };
}
