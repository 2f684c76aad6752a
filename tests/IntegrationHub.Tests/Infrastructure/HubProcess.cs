using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using IntegrationHub.Host.Storage;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>The hub as a separate OS process (<c>dotnet IntegrationHub.Host.dll</c>), as an operator runs it:
/// so a test can SIGKILL it, and so it owns its embedded PostgreSQL.</summary>
public sealed class HubProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HubProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

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

    /// <param name="environment">Settings as environment variables (Section__Key).</param>
    public static HubProcess Start(IDictionary<string, string> environment, string workingDirectory) =>
        Start(environment, workingDirectory, new Uri($"http://127.0.0.1:{FreePort()}/"));

    /// <param name="baseAddress">Where the test expects the hub (it sets Hub:Http:Urls to it; the environment given may
    /// move the hub elsewhere, e.g. with ASPNETCORE_URLS).</param>
    public static HubProcess Start(IDictionary<string, string> environment, string workingDirectory, Uri baseAddress)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "IntegrationHub.Host.dll"));
        info.Environment["Hub__Http__Urls"] = baseAddress.ToString().TrimEnd('/');
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info };
        var hub = new HubProcess(process, baseAddress);
        process.OutputDataReceived += (_, e) => hub.Append(e.Data);
        process.ErrorDataReceived += (_, e) => hub.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return hub;
    }

    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The hub exited with code {_process.ExitCode} before it was ready:\n{Output}");
            }

            try
            {
                if ((await client.GetAsync("health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"The hub was not ready within {timeout.TotalSeconds:0} s:\n{Output}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>For a hub expected to stop by itself (a refused start): its exit code once all output is read.</summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as systemd or Ctrl+C would send; returns the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary>Stops a cluster a killed hub left running, so no postgres outlives the test.</summary>
    public static async Task StopLeftoverPostgresAsync(string dataFolder)
    {
        if (File.Exists(Path.Combine(dataFolder, "pgdata", "postmaster.pid")))
        {
            await EmbeddedPostgres.StopLeftoverAsync(dataFolder);
        }
    }

    public static string NewDataFolder()
    {
        var parent = Path.Combine("/tmp", "integrationhub-tests");
        Directory.CreateDirectory(parent);
        File.SetUnixFileMode(parent, (UnixFileMode)0b111_101_101);
        return Path.Combine(parent, "hub-" + Guid.NewGuid().ToString("N")[..10]);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
