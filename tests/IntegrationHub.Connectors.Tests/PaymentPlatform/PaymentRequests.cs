using IntegrationHub.Connectors.PaymentPlatform;

namespace IntegrationHub.Connectors.Tests.PaymentPlatform;

internal static class PaymentRequests
{
    /// <summary>A fee payment for a land-registration dossier, with Vietnamese text (the hash is over UTF-8).</summary>
    public static PaymentInitRequest For(string maThamChieu, long soTien = 150_000) => new()
    {
        MaThamChieu = maThamChieu,
        SoTien = soTien,
        ThongTinGiaoDich = $"Nộp lệ phí hồ sơ {maThamChieu}",
        Ip = "10.0.0.7",
        ThongTinBienLai = new PaymentReceiptInfo
        {
            MaDichVu = "1",
            MaDVC = "000.00.01.H56",
            MaTTHC = "1.003560.000.00.00.H56",
            TenTTHC = "Đăng ký biến động quyền sử dụng đất",
            MaDonVi = "000.00.01.H56",
            MaHoSo = $"000.00.01.H56-261128-{maThamChieu}",
            TKThuHuong = "7111000123456",
            MaNHThuHuong = "970415",
            TenTKThuHuong = "Văn phòng đăng ký đất đai tỉnh",
            HoTenNguoiNop = "Nguyễn Văn An",
            SoCMNDNguoiNop = "056090001234",
            DiaChiNguoiNop = "12 Trần Phú, Nha Trang",
            PhiLePhi = [new PaymentFee { LoaiPhiLePhi = "2", MaPhiLePhi = "LP01", TenPhiLePhi = "Lệ phí đăng ký", SoTien = soTien }],
            DSKhoanNop = [new PaymentDueItem { NoiDung = "Lệ phí đăng ký biến động", SoTien = soTien }],
        },
    };
}
