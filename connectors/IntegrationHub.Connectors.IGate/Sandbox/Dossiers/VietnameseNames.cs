namespace IntegrationHub.Connectors.IGate.Sandbox.Dossiers;

/// <summary>Name parts and other reference data that make generated dossiers look like a Vietnamese province's.</summary>
internal static class VietnameseNames
{
    public static IReadOnlyList<string> FamilyNames { get; } =
        ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];

    public static IReadOnlyList<string> MaleMiddleNames { get; } = ["Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Xuân"];

    public static IReadOnlyList<string> FemaleMiddleNames { get; } = ["Thị", "Ngọc", "Thu", "Thanh", "Minh", "Bích", "Kim", "Hồng"];

    public static IReadOnlyList<string> MaleGivenNames { get; } =
        ["An", "Bình", "Cường", "Dũng", "Hùng", "Long", "Nam", "Quân", "Sơn", "Tuấn", "Hải", "Khánh", "Phúc", "Thắng", "Việt"];

    public static IReadOnlyList<string> FemaleGivenNames { get; } =
        ["Hà", "Hạnh", "Hương", "Lan", "Mai", "Phương", "Tâm", "Thảo", "Trang", "Vy", "Linh", "Ngân", "Yến", "Uyên", "Nhung"];

    public static IReadOnlyList<string> Businesses { get; } =
    [
        "Công ty TNHH Xây dựng Minh Phát", "Công ty Cổ phần Thương mại Hòa Bình", "Công ty TNHH Dịch vụ Du lịch Langbiang",
        "Công ty TNHH Nông sản Đà Lạt Xanh", "Doanh nghiệp tư nhân Tấn Lộc", "Hợp tác xã Nông nghiệp Lạc Dương",
    ];

    public static IReadOnlyList<string> Agencies { get; } =
        ["Trường Tiểu học Nguyễn Du", "Trạm Y tế phường 2", "Ban Quản lý dự án đầu tư xây dựng huyện Lâm Hà"];

    public static IReadOnlyList<string> OtherApplicants { get; } = ["Hội Chữ thập đỏ phường 3", "Chi hội Nông dân thôn Đa Lộc"];

    /// <summary>Province codes that open a 12-digit personal id: Hà Nội, Hải Phòng, Đà Nẵng, Lâm Đồng, TP Hồ Chí Minh, Cần Thơ.</summary>
    public static IReadOnlyList<string> ProvinceCodes { get; } = ["001", "031", "048", "068", "079", "092"];

    public static IReadOnlyList<string> MobilePrefixes { get; } = ["090", "091", "093", "094", "096", "097", "098", "032", "035", "038", "070", "077", "083", "086"];

    public static IReadOnlyList<string> MailDomains { get; } = ["gmail.com", "yahoo.com.vn", "outlook.com"];

    /// <summary>Job titles of the officers who handle a step.</summary>
    public static IReadOnlyList<string> DeskTitles { get; } = ["Cán bộ một cửa", "Chuyên viên tiếp nhận"];

    public static IReadOnlyList<string> ProcessingTitles { get; } = ["Chuyên viên", "Trưởng phòng", "Phó Trưởng phòng"];
}
