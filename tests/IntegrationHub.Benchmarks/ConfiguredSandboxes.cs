using System.Text.Json.Nodes;

namespace IntegrationHub.Benchmarks;

/// <summary>The sandbox ids of the config the host runs with (the <c>Sandboxes</c> sections of
/// <c>config/connectors/*.json</c> next to its dll).</summary>
internal static class ConfiguredSandboxes
{
    public static IReadOnlyList<string> Ids(string hostDll)
    {
        var folder = Path.Combine(Path.GetDirectoryName(hostDll)!, "config", "connectors");
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.json")
                .SelectMany(path => JsonNode.Parse(File.ReadAllText(path))?["Sandboxes"]?.AsObject().Select(pair => pair.Key) ?? [])
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList()
            : [];
    }
}
