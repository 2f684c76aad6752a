using System.Text.Json.Serialization;

namespace IntegrationHub.Connectors.NationalPortal.Sandbox.Catalogue;

internal sealed record ProcedureAgency(
    [property: JsonPropertyName("MADONVI")] string UnitCode,
    [property: JsonPropertyName("TENDONVI")] string Name);
