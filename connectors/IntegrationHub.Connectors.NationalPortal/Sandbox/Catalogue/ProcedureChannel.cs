using System.Text.Json.Serialization;

namespace IntegrationHub.Connectors.NationalPortal.Sandbox.Catalogue;

/// <summary>A way to submit (in person, online, by post) with its processing time.</summary>
internal sealed record ProcedureChannel(
    [property: JsonPropertyName("KENH")] string Channel,
    [property: JsonPropertyName("THOIGIAN")] string Time,
    [property: JsonPropertyName("MOTA")] string Description);
