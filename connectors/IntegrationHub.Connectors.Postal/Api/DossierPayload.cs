using System.Text.Json;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.Postal.Api;

/// <summary>What a shipment is made of: the fields of an iGate dossier (the <c>shipments</c> stream's payload, see
/// <see cref="DossierPayloadSchema"/>) that say whether its result goes by post, and where to.</summary>
internal sealed record DossierPayload(string? MaHoSo, string? HinhThucNhanKetQua, string? TenTTHC, DossierPayload.Address? DiaChiNhanKetQua)
{
    /// <summary>The applicant takes the result by post (any other value: at the desk, nothing to ship).</summary>
    public const string ByPost = "BuuChinh";

    /// <exception cref="ConnectorException">Permanent: the payload is not such a JSON object.</exception>
    public static DossierPayload Parse(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<DossierPayload>(payload, JsonSerializerOptions.Web) ?? throw new JsonException("it is null");
        }
        catch (JsonException exception)
        {
            throw new ConnectorException(new ConnectorFailure(FailureKind.Permanent, "POSTAL-PAYLOAD", $"The payload is not a dossier: {exception.Message}"), exception);
        }
    }

    /// <returns>Null when the dossier names no recipient or no street address to deliver to.</returns>
    public PostalWire.ShipmentRequest? ToShipment() =>
        DiaChiNhanKetQua is { } to && !string.IsNullOrWhiteSpace(to.HoTenNguoiNhan) && !string.IsNullOrWhiteSpace(to.DiaChi)
            ? new(MaHoSo, new(to.HoTenNguoiNhan, to.SoDienThoai, to.DiaChi, to.MaTinhThanh, to.MaQuanHuyen, to.MaPhuongXa), $"Kết quả giải quyết hồ sơ {MaHoSo}: {TenTTHC}")
            : null;

    internal sealed record Address(string? HoTenNguoiNhan, string? SoDienThoai, string? DiaChi, string? MaTinhThanh, string? MaQuanHuyen, string? MaPhuongXa);
}
