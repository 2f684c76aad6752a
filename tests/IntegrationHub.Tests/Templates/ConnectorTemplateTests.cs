using IntegrationHub.Tests.Infrastructure;
using Xunit;

namespace IntegrationHub.Tests.Templates;

/// <summary>The hub-connector template as README's walkthrough uses it, in a copy of this checkout: install it, make
/// a connector named Probe, and its acceptance tests build and pass with no other step.</summary>
public sealed class ConnectorTemplateTests
{
    private static readonly string[] NotCopied = ["bin", "obj", ".git", "TestResults"];

    [Fact]
    public async Task A_connector_made_with_the_template_builds_and_passes_its_acceptance_tests_with_no_other_step()
    {
        var copy = Directory.CreateTempSubdirectory("hub-template-").FullName;
        var hive = Directory.CreateTempSubdirectory("hub-template-hive-").FullName;
        try
        {
            Copy(new DirectoryInfo(RepositoryFolder.Root()), copy);

            await RunAsync(copy, "dotnet", "new", "install", "templates/hub-connector", "--debug:custom-hive", hive);
            await RunAsync(copy, "dotnet", "new", "hub-connector", "-n", "Probe", "-o", "connectors/IntegrationHub.Connectors.Probe", "--debug:custom-hive", hive);
            Assert.True(File.Exists(Path.Combine(copy, "connectors", "IntegrationHub.Connectors.Probe", "ProbeConnector.cs")));
            Assert.Contains("new(\"probe\", \"Probe\"", await File.ReadAllTextAsync(Path.Combine(copy, "connectors", "IntegrationHub.Connectors.Probe", "ProbeConnector.cs")), StringComparison.Ordinal);

            var output = await RunAsync(copy, "dotnet", "test", "IntegrationHub.sln", "--filter", "FullyQualifiedName~Probe");

            // The eight checks of the acceptance suite, run against Probe and its sandbox.
            Assert.Matches(@"Passed!\s+-\s+Failed:\s+0, Passed:\s+8,", output);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
            Directory.Delete(hive, recursive: true);
        }
    }

    private static void Copy(DirectoryInfo from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in from.EnumerateFiles())
        {
            file.CopyTo(Path.Combine(to, file.Name));
        }

        foreach (var folder in from.EnumerateDirectories().Where(d => !NotCopied.Contains(d.Name)))
        {
            Copy(folder, Path.Combine(to, folder.Name));
        }
    }

    private static async Task<string> RunAsync(string folder, string program, params string[] arguments)
    {
        var (exitCode, output, error) = await ProcessRun.RunAsync(folder, program, arguments, environment: null, TimeSpan.FromMinutes(15));
        Assert.True(exitCode == 0, $"{program} {string.Join(' ', arguments)} exited {exitCode}:\n{output}{error}");
        return output + error;
    }
}
