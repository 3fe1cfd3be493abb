using System.Diagnostics;
using System.Text;

namespace Commentary.Testing;

/// <summary>The self-host as its own OS process, so a test can kill it with SIGKILL mid-flight and start it again.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;
    private readonly StringBuilder _output = new();
    private Process? _process;

    public ServerProcess(int port, IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Port = port;
        _environment = settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
    }

    public int Port { get; }
    public Uri ApiAddress => new($"http://127.0.0.1:{Port}/api/");

    public static string Assembly => RepositoryRoot.Combine("src", "Commentary.Server", "bin", RepositoryRoot.Configuration, "net10.0", "Commentary.Server.dll");

    public async Task StartAsync()
    {
        if (!File.Exists(Assembly))
        {
            throw new InvalidOperationException($"{Assembly} is missing: build the solution in {RepositoryRoot.Configuration} first.");
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Assembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{Port}");
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the self-host.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The self-host exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var health = await client.GetAsync(new Uri(ApiAddress, "health"));
                if (health.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but not answering yet.
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"The self-host did not become healthy within 60 s:\n{Output}");
    }

    /// <summary>
    /// SIGKILL: no shutdown, no flushing, no finishing of work in hand. Returns the exit status the OS reported for the
    /// process (128 + 9 for one that SIGKILL ended), or null when no process was running.
    /// </summary>
    public async Task<int?> KillAsync()
    {
        int? exitCode = null;
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            exitCode = _process.ExitCode;
        }

        _process?.Dispose();
        _process = null;
        return exitCode;
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public async ValueTask DisposeAsync() => await KillAsync();

    private void Append(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
