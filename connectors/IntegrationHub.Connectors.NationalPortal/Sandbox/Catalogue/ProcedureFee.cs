using System.Text.Json.Serialization;

namespace IntegrationHub.Connectors.NationalPortal.Sandbox.Catalogue;

/// <summary>A fee or charge; the amount is whole VND.</summary>
internal sealed record ProcedureFee(
    [property: JsonPropertyName("LOAIPHILEPHI")] string Kind,
    [property: JsonPropertyName("TENPHILEPHI")] string Name,
    [property: JsonPropertyName("SOTIEN")] long Amount,
    [property: JsonPropertyName("DONVITINH")] string Currency);
