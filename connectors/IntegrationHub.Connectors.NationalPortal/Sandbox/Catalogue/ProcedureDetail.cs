using System.Text.Json.Serialization;

namespace IntegrationHub.Connectors.NationalPortal.Sandbox.Catalogue;

/// <summary>The reply of LayThuTuc: one procedure with the catalogue fields seen in public implementations.</summary>
internal sealed record ProcedureDetail(
    [property: JsonPropertyName("MATTHC")] string Code,
    [property: JsonPropertyName("TENTTHC")] string Name,
    [property: JsonPropertyName("CAPTHUCHIEN")] string Level,
    [property: JsonPropertyName("LINHVUCTHUCHIEN")] IReadOnlyList<ProcedureField> Fields,
    [property: JsonPropertyName("TRINHTUTHUCHIEN")] IReadOnlyList<ProcedureStep> Steps,
    [property: JsonPropertyName("CACHTHUCTHUCHIEN")] IReadOnlyList<ProcedureChannel> Channels,
    [property: JsonPropertyName("THOIGIANGIAIQUYET")] string ProcessingTime,
    [property: JsonPropertyName("PHILEPHI")] IReadOnlyList<ProcedureFee> Fees,
    [property: JsonPropertyName("THANHPHANHOSO")] IReadOnlyList<ProcedureDocument> Documents,
    [property: JsonPropertyName("CANCUPHAPLY")] IReadOnlyList<LegalBasis> LegalBases,
    [property: JsonPropertyName("COQUANTHUCHIEN")] IReadOnlyList<ProcedureAgency> Agencies);
