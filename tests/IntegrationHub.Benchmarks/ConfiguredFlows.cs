using System.Text.Json.Nodes;

namespace IntegrationHub.Benchmarks;

/// <summary>The flows of the config the host runs with (<c>config/flows.json</c> next to its dll): id, destinations, and
/// whether a schedule runs it.</summary>
internal sealed record ConfiguredFlows(IReadOnlyList<(string Id, IReadOnlyList<string> Destinations, bool Scheduled)> Flows)
{
    public static ConfiguredFlows Load(string hostDll)
    {
        var path = Path.Combine(Path.GetDirectoryName(hostDll)!, "config", "flows.json");
        var flows = JsonNode.Parse(File.ReadAllText(path))?["Flows"]?.AsObject()
            ?? throw new BenchmarkException($"No Flows in {path}.");
        return new ConfiguredFlows(flows
            .Select(pair => (
                pair.Key,
                (IReadOnlyList<string>)(pair.Value?["Destinations"]?.AsArray().Select(d => (string)d!).ToList() ?? []),
                pair.Value?["Schedule"] is not null))
            .ToList());
    }
}
