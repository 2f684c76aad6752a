using System.Diagnostics;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>Runs a program to its end in a folder, with only the environment variables given added to the test's, and
/// returns its exit code and what it wrote.</summary>
public static class ProcessRun
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        string folder, string program, IEnumerable<string> arguments, IDictionary<string, string>? environment, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(program, arguments) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await output, await error);
    }
}
