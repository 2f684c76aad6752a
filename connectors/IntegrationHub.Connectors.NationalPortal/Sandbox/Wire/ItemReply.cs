using System.Text.Json.Serialization;

namespace IntegrationHub.Connectors.NationalPortal.Sandbox.Wire;

/// <summary>The answer for one item of DongBoHoSoMC or CapNhatTienDoHoSoMC, in the order the items came.</summary>
internal sealed record ItemReply(
    [property: JsonPropertyName("MaHoSo")] string? MaHoSo,
    [property: JsonPropertyName("error_code")] string ErrorCode,
    [property: JsonPropertyName("message")] string Message);
