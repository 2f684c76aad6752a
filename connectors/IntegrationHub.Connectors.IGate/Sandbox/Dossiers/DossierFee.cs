using System.Text.Json.Serialization;

namespace IntegrationHub.Connectors.IGate.Sandbox.Dossiers;

/// <param name="SoTien">Whole VND.</param>
internal sealed record DossierFee(
    [property: JsonPropertyName("maPhiLePhi")] string MaPhiLePhi,
    [property: JsonPropertyName("tenPhiLePhi")] string TenPhiLePhi,
    [property: JsonPropertyName("soTien")] long SoTien);
