namespace IntegrationHub.Connectors.Tests.Postal;

/// <summary>iGate dossier payloads as the shipments stream receives them (only the fields a shipment reads).</summary>
internal static class PostalDossiers
{
    public static string ByPost(string maHoSo) => $$$"""
        {"maHoSo":"{{{maHoSo}}}","tenTTHC":"Cấp bản sao trích lục hộ tịch","hinhThucNhanKetQua":"BuuChinh","diaChiNhanKetQua":
        {"hoTenNguoiNhan":"Nguyễn Văn An","soDienThoai":"0912345678","diaChi":"Số 12 đường Lê Lợi","maTinhThanh":"68","maQuanHuyen":"672","maPhuongXa":"24817"}}
        """;

    public static string ByPostWithoutAddress(string maHoSo) => $$"""{"maHoSo":"{{maHoSo}}","hinhThucNhanKetQua":"BuuChinh","diaChiNhanKetQua":null}""";

    public static string AtTheDesk(string maHoSo) => $$"""{"maHoSo":"{{maHoSo}}","hinhThucNhanKetQua":"TrucTiep","diaChiNhanKetQua":null}""";
}
