using System.Text.Json.Serialization;

namespace IntegrationHub.Connectors.NationalPortal.Sandbox.Catalogue;

/// <summary>An item of LayDanhSachTTHC.</summary>
internal sealed record ProcedureSummary(
    [property: JsonPropertyName("MATTHC")] string Code,
    [property: JsonPropertyName("TENTTHC")] string Name,
    [property: JsonPropertyName("MALINHVUC")] string FieldCode,
    [property: JsonPropertyName("TENLINHVUC")] string FieldName,
    [property: JsonPropertyName("CAPTHUCHIEN")] string Level);
