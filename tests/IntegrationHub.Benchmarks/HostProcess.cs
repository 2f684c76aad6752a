using System.Diagnostics;

namespace IntegrationHub.Benchmarks;

/// <summary>IntegrationHub.Host as a child process (<c>dotnet IntegrationHub.Host.dll</c>), its stdout and stderr in a log
/// file. Disposing always leaves nothing behind: SIGTERM, then kill, then an immediate stop of a cluster left running.</summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private static readonly TimeSpan DisposeGrace = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly EmbeddedCluster _cluster;

    private HostProcess(Process process, HostLog log, EmbeddedCluster cluster)
    {
        _process = process;
        Log = log;
        _cluster = cluster;
    }

    public HostLog Log { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static HostProcess Start(string hostDll, BenchFolder folder, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(HostLocator.DotnetExecutable(), [hostDll])
        {
            WorkingDirectory = folder.WorkFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // Only the settings given here: drop hub settings this shell may carry.
        string[] inherited = ["ConnectionStrings__", "Hub__", "Connectors__", "Flows__", "Sandboxes__", "HUB_CONFIG_DIR", "ASPNETCORE_", "DOTNET_ENVIRONMENT"];
        foreach (var key in info.Environment.Keys.Where(k => inherited.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            info.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var log = new HostLog(folder.HostLog);
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => log.Append(e.Data);
        process.ErrorDataReceived += (_, e) => log.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new HostProcess(process, log, new EmbeddedCluster(folder.PgData));
    }

    /// <summary>SIGTERM (graceful: the host finishes jobs, then stops its PostgreSQL) and wait.</summary>
    /// <returns>False if it did not exit within <paramref name="timeout"/>.</returns>
    public async Task<bool> StopAsync(TimeSpan timeout)
    {
        if (!_process.HasExited && LibC.Kill(_process.Id, LibC.SigTerm) != 0 && !_process.HasExited)
        {
            throw new BenchmarkException($"kill -TERM {_process.Id} failed (errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}).");
        }

        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited && !await StopAsync(DisposeGrace))
            {
                Console.Error.WriteLine($"cleanup: the host (pid {_process.Id}) ignored SIGTERM for {DisposeGrace.TotalSeconds} s; killing it");
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        finally
        {
            await _cluster.StopIfRunningAsync();
            _process.Dispose();
            Log.Dispose();
        }
    }

    /// <summary>On failure: the end of the host's output and of its PostgreSQL's server log.</summary>
    public void PrintTails(string postgresLog)
    {
        Console.Error.WriteLine($"--- last lines of the host's output ({Log.Path}) ---");
        foreach (var line in Log.Tail(40))
        {
            Console.Error.WriteLine(line);
        }

        if (File.Exists(postgresLog))
        {
            Console.Error.WriteLine($"--- last lines of {postgresLog} ---");
            foreach (var line in File.ReadLines(postgresLog).TakeLast(10))
            {
                Console.Error.WriteLine(line);
            }
        }
    }
}
