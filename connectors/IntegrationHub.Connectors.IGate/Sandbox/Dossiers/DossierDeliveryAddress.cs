using System.Text.Json.Serialization;

namespace IntegrationHub.Connectors.IGate.Sandbox.Dossiers;

/// <summary>Where the public postal service delivers a dossier's result (designed: iGate publishes no specification).</summary>
internal sealed record DossierDeliveryAddress(
    [property: JsonPropertyName("hoTenNguoiNhan")] string HoTenNguoiNhan,
    [property: JsonPropertyName("soDienThoai")] string SoDienThoai,
    [property: JsonPropertyName("diaChi")] string DiaChi,
    [property: JsonPropertyName("maTinhThanh")] string MaTinhThanh,
    [property: JsonPropertyName("maQuanHuyen")] string MaQuanHuyen,
    [property: JsonPropertyName("maPhuongXa")] string MaPhuongXa);
