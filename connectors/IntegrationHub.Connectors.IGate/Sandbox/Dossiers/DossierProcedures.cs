using System.Collections.Frozen;

namespace IntegrationHub.Connectors.IGate.Sandbox.Dossiers;

/// <summary>The small, fixed list of real-looking procedures (codes in the national MaTTHC format, province H56) that
/// generated dossiers are filed under. Codes and names follow the national catalogue's style; they are not claimed to
/// be the real entries.</summary>
internal static class DossierProcedures
{
    public static IReadOnlyList<DossierProcedure> All { get; } =
    [
        new(
            "1.004227.000.00.00.H56", "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ", "HDXD", "Hoạt động xây dựng",
            "000.20.30.H56", "Ủy ban nhân dân thành phố Đà Lạt", "Phòng Quản lý đô thị", 15, [1],
            ["Đề nghị cấp giấy phép xây dựng nhà ở riêng lẻ", "Đề nghị cấp giấy phép xây dựng nhà ở riêng lẻ tại thửa đất số 152, tờ bản đồ số 27"],
            [new("LP-XD-01", "Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ", 75_000)],
            [("TL01", "Đơn đề nghị cấp giấy phép xây dựng", "don-de-nghi-cap-gpxd.pdf"),
             ("TL02", "Giấy chứng nhận quyền sử dụng đất (bản sao)", "gcn-qsdd.pdf"),
             ("TL03", "Bản vẽ thiết kế xây dựng", "ban-ve-thiet-ke.pdf")]),
        new(
            "1.001612.000.00.00.H56", "Đăng ký thành lập hộ kinh doanh", "TLHKD", "Thành lập và hoạt động của hộ kinh doanh",
            "000.20.31.H56", "Ủy ban nhân dân huyện Đức Trọng", "Phòng Tài chính - Kế hoạch", 3, [1, 2],
            ["Đăng ký thành lập hộ kinh doanh tạp hóa", "Đăng ký thành lập hộ kinh doanh dịch vụ ăn uống"],
            [new("LP-HKD-01", "Lệ phí đăng ký hộ kinh doanh", 100_000)],
            [("TL01", "Giấy đề nghị đăng ký hộ kinh doanh", "giay-de-nghi-dkhkd.pdf"),
             ("TL02", "Bản sao thẻ căn cước của chủ hộ kinh doanh", "the-can-cuoc.jpg")]),
        new(
            "2.000908.000.00.00.H56", "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền cấp", "CT", "Chứng thực",
            "000.00.01.H56", "Trung tâm Phục vụ hành chính công tỉnh", "Bộ phận Tiếp nhận và Trả kết quả", 0, [1, 2, 3, 4],
            ["Chứng thực bản sao từ bản chính bằng tốt nghiệp đại học", "Chứng thực bản sao từ bản chính giấy khai sinh"],
            [new("LP-CT-01", "Phí chứng thực bản sao từ bản chính", 2_000)],
            [("TL01", "Bản chính giấy tờ cần chứng thực (bản chụp)", "ban-chinh.pdf")]),
        new(
            "1.001193.000.00.00.H56", "Thủ tục đăng ký khai sinh", "HT", "Hộ tịch",
            "000.31.30.H56", "Ủy ban nhân dân phường 1, thành phố Đà Lạt", "Bộ phận Tư pháp - Hộ tịch", 0, [1],
            ["Đăng ký khai sinh cho con", "Đăng ký khai sinh đúng hạn"],
            [],
            [("TL01", "Tờ khai đăng ký khai sinh", "to-khai-khai-sinh.pdf"),
             ("TL02", "Giấy chứng sinh", "giay-chung-sinh.pdf")]),
        new(
            "1.003003.000.00.00.H56", "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất", "DD", "Đất đai",
            "000.00.13.H56", "Sở Tài nguyên và Môi trường", "Văn phòng Đăng ký đất đai", 10, [1, 2, 4],
            ["Đăng ký biến động do chuyển nhượng quyền sử dụng đất", "Đăng ký biến động do tặng cho quyền sử dụng đất"],
            [new("LP-DD-01", "Lệ phí cấp giấy chứng nhận quyền sử dụng đất", 50_000), new("P-DD-02", "Phí thẩm định hồ sơ", 500_000)],
            [("TL01", "Đơn đăng ký biến động đất đai, tài sản gắn liền với đất", "don-dang-ky-bien-dong.pdf"),
             ("TL02", "Hợp đồng chuyển nhượng quyền sử dụng đất", "hop-dong-chuyen-nhuong.pdf"),
             ("TL03", "Bản gốc giấy chứng nhận đã cấp", "gcn-ban-goc.pdf")]),
        new(
            "1.002809.000.00.00.H56", "Đổi giấy phép lái xe do ngành Giao thông vận tải cấp", "DBGPLX", "Đường bộ",
            "000.00.20.H56", "Sở Giao thông vận tải", "Phòng Quản lý phương tiện và người lái", 5, [1],
            ["Đề nghị đổi giấy phép lái xe hạng B2 hết hạn", "Đề nghị đổi giấy phép lái xe hạng A1 bị hỏng"],
            [new("LP-GPLX-01", "Lệ phí cấp đổi giấy phép lái xe", 135_000)],
            [("TL01", "Đơn đề nghị đổi giấy phép lái xe", "don-doi-gplx.pdf"),
             ("TL02", "Giấy khám sức khỏe của người lái xe", "giay-kham-suc-khoe.pdf")]),
        new(
            "2.000620.000.00.00.H56", "Cấp Giấy phép bán lẻ sản phẩm rượu", "LT", "Lưu thông hàng hóa trong nước",
            "000.00.07.H56", "Sở Công Thương", "Phòng Quản lý thương mại", 10, [2],
            ["Đề nghị cấp giấy phép bán lẻ sản phẩm rượu", "Đề nghị cấp lại giấy phép bán lẻ sản phẩm rượu"],
            [new("P-LT-01", "Phí thẩm định điều kiện kinh doanh", 1_200_000)],
            [("TL01", "Đơn đề nghị cấp giấy phép bán lẻ rượu", "don-de-nghi-ban-le-ruou.pdf"),
             ("TL02", "Giấy chứng nhận đăng ký doanh nghiệp (bản sao)", "gcn-dkdn.pdf")]),
        new(
            "1.000656.000.00.00.H56", "Thủ tục đăng ký kết hôn", "HT", "Hộ tịch",
            "000.31.30.H56", "Ủy ban nhân dân phường 1, thành phố Đà Lạt", "Bộ phận Tư pháp - Hộ tịch", 0, [1],
            ["Đăng ký kết hôn"],
            [],
            [("TL01", "Tờ khai đăng ký kết hôn", "to-khai-ket-hon.pdf")]),
    ];

    private static readonly FrozenDictionary<string, DossierProcedure> ByCode = All.ToFrozenDictionary(p => p.MaTTHC, StringComparer.Ordinal);

    public static DossierProcedure Of(string maTTHC) => ByCode[maTTHC];
}
