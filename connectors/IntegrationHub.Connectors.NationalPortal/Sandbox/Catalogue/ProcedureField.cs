using System.Text.Json.Serialization;

namespace IntegrationHub.Connectors.NationalPortal.Sandbox.Catalogue;

/// <summary>A field (lĩnh vực) of public administration.</summary>
internal sealed record ProcedureField(
    [property: JsonPropertyName("MALINHVUC")] string Code,
    [property: JsonPropertyName("TENLINHVUC")] string Name);
