using System.Globalization;
using System.Text.Json.Nodes;

namespace IntegrationHub.Benchmarks;

/// <summary>The national-portal connector's StatusMap (iGate status → TrangThaiHoSo) from the config the host runs with
/// (<c>config/connectors/national-portal.json</c> next to the host's dll), to check the statuses the portal holds.</summary>
internal static class StatusMapFile
{
    public static IReadOnlyDictionary<string, int> Load(string hostDll)
    {
        var path = Path.Combine(Path.GetDirectoryName(hostDll)!, "config", "connectors", "national-portal.json");
        var map = JsonNode.Parse(File.ReadAllText(path))?["Connectors"]?["national-portal"]?["StatusMap"]?.AsObject()
            ?? throw new BenchmarkException($"No Connectors:national-portal:StatusMap in {path}.");
        return map.ToDictionary(
            pair => pair.Key,
            pair => int.Parse((string)pair.Value!, NumberStyles.None, CultureInfo.InvariantCulture),
            StringComparer.OrdinalIgnoreCase);
    }
}
