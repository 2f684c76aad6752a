namespace IntegrationHub.Tests.Infrastructure;

/// <summary>Runs the built hub with a command (<c>check-config</c>, <c>migrate</c>) as an operator would, in its own
/// process with only the environment given, and waits for it to exit.</summary>
public static class HostCommand
{
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(IDictionary<string, string> environment, params string[] arguments) =>
        ProcessRun.RunAsync(
            Directory.CreateTempSubdirectory("hub-command-").FullName,
            "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "IntegrationHub.Host.dll"), .. arguments],
            environment,
            TimeSpan.FromMinutes(2));
}
