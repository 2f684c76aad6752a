using IntegrationHub.Tests.Infrastructure;
using Xunit;

namespace IntegrationHub.Tests.Security;

/// <summary>Finding 12: a configuration file that is not valid JSON ended in an unhandled exception (exit code 134,
/// ~25 stack frames, a line number counted from 0) instead of the one start-up report with exit code 2.</summary>
public sealed class ConfigurationFileTests
{
    [Fact]
    public async Task A_missing_comma_in_flows_json_is_one_report_with_the_editor_line_and_column_and_exit_code_2()
    {
        var folder = CopyOfConfig();
        var flows = Path.Combine(folder, "flows.json");
        var lines = File.ReadAllLines(flows).ToList();
        // Drop the comma after the first flow's "Source" value: the next key then starts where the parser stops.
        var index = lines.FindIndex(l => l.Contains("\"Source\"", StringComparison.Ordinal));
        lines[index] = lines[index].TrimEnd().TrimEnd(',');
        File.WriteAllLines(flows, lines);
        var nextLine = index + 2;
        var nextColumn = lines[index + 1].IndexOf('"', StringComparison.Ordinal) + 1;

        var (exitCode, output) = await RunHubAsync(folder);

        Assert.Equal(2, exitCode);
        Assert.Contains("IntegrationHub cannot start in environment 'Production': 1 configuration problem(s):", output, StringComparison.Ordinal);
        Assert.Contains($" - {flows}:{nextLine}:{nextColumn}: not valid JSON: ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_column_after_Vietnamese_text_is_counted_in_characters_not_bytes()
    {
        var folder = CopyOfConfig();
        var file = Path.Combine(folder, "connectors", "zz-broken.json");
        File.WriteAllText(file, "{\n  \"Note\": \"Cổng dịch vụ công\" \"Other\": 1\n}\n");

        var (exitCode, output) = await RunHubAsync(folder);

        Assert.Equal(2, exitCode);
        var column = "  \"Note\": \"Cổng dịch vụ công\" ".Length + 1;
        Assert.Contains($" - {file}:2:{column}: not valid JSON: ", output, StringComparison.Ordinal);
    }

    private static string CopyOfConfig()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "config");
        var target = Directory.CreateTempSubdirectory("hub-config-").FullName;
        foreach (var file in Directory.GetFiles(source, "*.json", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return target;
    }

    private static async Task<(int ExitCode, string Output)> RunHubAsync(string configFolder)
    {
        var environment = new Dictionary<string, string> { ["HUB_CONFIG_DIR"] = configFolder, ["ASPNETCORE_ENVIRONMENT"] = "Production" };
        await using var hub = HubProcess.Start(environment, Directory.CreateTempSubdirectory("hub-cwd-").FullName);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return (await hub.WaitForExitAsync(timeout.Token), hub.Output);
    }
}
