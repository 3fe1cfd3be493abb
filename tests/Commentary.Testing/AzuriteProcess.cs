using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Commentary.Testing;

/// <summary>
/// A real Azurite (the pinned npm package) on three free loopback ports, in memory, for one test run.
/// It fails loudly when Azurite cannot start, with what Azurite printed.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly string _executable;
    private readonly string? _location;
    private Process _process;
    private StringBuilder _output;

    private AzuriteProcess(string executable, string? location, Process process, StringBuilder output, int blobPort, int queuePort, int tablePort)
    {
        _executable = executable;
        _location = location;
        _process = process;
        _output = output;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }

    public string ConnectionString => ConnectionStringFor(BlobPort, QueuePort, TablePort);

    /// <summary>The well-known development account on these loopback ports, whether or not anything listens there.</summary>
    public static string ConnectionStringFor(int blobPort, int queuePort, int tablePort) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";

    /// <summary>Starts Azurite; <paramref name="location"/> gives it disk persistence, otherwise it keeps data in memory.</summary>
    public static async Task<AzuriteProcess> StartAsync(string? location = null)
    {
        var executable = RepositoryRoot.Combine("node_modules", ".bin", "azurite");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Azurite is not installed at {executable}. Run 'npm ci' in the repository root (scripts/test.sh does).");
        }

        Exception? last = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var ports = FreePorts(3);
            try
            {
                return await LaunchAsync(executable, ports[0], ports[1], ports[2], location);
            }
            catch (InvalidOperationException e)
            {
                // Another process may have taken a port between our probe and Azurite's bind; try new ones.
                last = e;
            }
        }

        throw new InvalidOperationException("Azurite did not start after 3 attempts.", last);
    }

    /// <summary>
    /// Stops Azurite as an outage would: the ports stop answering. It is asked to stop (SIGTERM) rather than killed,
    /// because Azurite saves its metadata to disk only every few seconds and would lose recent writes.
    /// </summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await _process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>Starts Azurite again on the same ports and, with disk persistence, the same data.</summary>
    public async Task StartAgainAsync()
    {
        await StopAsync();
        _process.Dispose();
        var again = await LaunchAsync(_executable, BlobPort, QueuePort, TablePort, _location);
        (_process, _output) = (again._process, again._output);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static async Task<AzuriteProcess> LaunchAsync(string executable, int blob, int queue, int table, string? location)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--blobHost", "127.0.0.1", "--blobPort", blob.ToString(), "--queueHost", "127.0.0.1", "--queuePort", queue.ToString(),
            "--tableHost", "127.0.0.1", "--tablePort", table.ToString(), "--disableTelemetry", "--skipApiVersionCheck",
        })
        {
            start.ArgumentList.Add(arg);
        }

        if (location is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(location);
        }

        var output = new StringBuilder();
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + executable);
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var azurite = new AzuriteProcess(executable, location, process, output, blob, queue, table);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode}:\n{azurite.Output}");
            }

            if (Listening(blob) && Listening(queue) && Listening(table))
            {
                return azurite;
            }

            await Task.Delay(100);
        }

        await azurite.DisposeAsync();
        throw new InvalidOperationException($"Azurite did not listen on {blob}/{queue}/{table} within 60 s:\n{azurite.Output}");
    }

    private string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    private static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        foreach (var l in listeners)
        {
            l.Start();
        }

        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        foreach (var l in listeners)
        {
            l.Stop();
        }

        return ports;
    }
}
