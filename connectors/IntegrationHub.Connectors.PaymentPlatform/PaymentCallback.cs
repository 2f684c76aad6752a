using System.Text.Json.Serialization;

namespace IntegrationHub.Connectors.PaymentPlatform;

/// <summary>The result the platform POSTs to the hub (anonymously: <see cref="MaXacThuc"/> is the only proof it came
/// from the platform). Property names are the wire names (the attributes say so to the OpenAPI document, which
/// otherwise assumes the hub's camelCase). MaLoi "00" = paid, anything else = failed.</summary>
public sealed record PaymentCallback
{
    [JsonPropertyName("LoaiBanTin")]
    public string LoaiBanTin { get; init; } = PaymentMessageTypes.PaymentResult;

    [JsonPropertyName("MaLoi")]
    public string MaLoi { get; init; } = string.Empty;

    [JsonPropertyName("MaDoiTac")]
    public string MaDoiTac { get; init; } = string.Empty;

    [JsonPropertyName("MaThamChieu")]
    public string MaThamChieu { get; init; } = string.Empty;

    [JsonPropertyName("SoTien")]
    public long SoTien { get; init; }

    [JsonPropertyName("MaTienTe")]
    public string MaTienTe { get; init; } = "VND";

    [JsonPropertyName("MaGiaoDich")]
    public string MaGiaoDich { get; init; } = string.Empty;

    [JsonPropertyName("MaNganHang")]
    public string MaNganHang { get; init; } = string.Empty;

    [JsonPropertyName("ThoiGianGD")]
    public string ThoiGianGD { get; init; } = string.Empty;

    [JsonPropertyName("ThongTinGiaoDich")]
    public string ThongTinGiaoDich { get; init; } = string.Empty;

    [JsonPropertyName("MaXacThuc")]
    public string MaXacThuc { get; init; } = string.Empty;
}
