namespace IntegrationHub.Connectors.NationalPortal.Sandbox.Catalogue;

/// <summary>Vietnamese building blocks of the generated catalogue. Field codes (MALINHVUC) and unit codes are made up
/// in the shape seen in public data; the laws are real, so procedures read like the national catalogue.</summary>
internal static class CatalogueVocabulary
{
    /// <summary>Province code of the sandbox's unit and procedure codes (H56, as in the reference's examples).</summary>
    public const string ProvinceCode = "H56";

    private static readonly string[] PermitActions = ["Cấp", "Cấp lại", "Cấp đổi", "Gia hạn", "Điều chỉnh", "Thu hồi"];
    private static readonly string[] CertificateActions = ["Cấp", "Cấp lại", "Điều chỉnh, bổ sung nội dung", "Thu hồi"];
    private static readonly string[] CivilStatusActions = ["Đăng ký", "Đăng ký lại"];
    private static readonly string[] SchoolActions = ["Thành lập", "Cho phép hoạt động giáo dục đối với", "Sáp nhập, chia, tách", "Giải thể"];
    private static readonly string[] CompanyForms =
    [
        "đối với doanh nghiệp tư nhân",
        "đối với công ty trách nhiệm hữu hạn một thành viên",
        "đối với công ty trách nhiệm hữu hạn hai thành viên trở lên",
        "đối với công ty cổ phần",
        "đối với công ty hợp danh",
    ];

    private static readonly ProcedureAgency Construction = Agency(1, "Sở Xây dựng");
    private static readonly ProcedureAgency NaturalResources = Agency(2, "Sở Tài nguyên và Môi trường");
    private static readonly ProcedureAgency Transport = Agency(3, "Sở Giao thông vận tải");
    private static readonly ProcedureAgency Health = Agency(4, "Sở Y tế");
    private static readonly ProcedureAgency Labour = Agency(5, "Sở Lao động - Thương binh và Xã hội");
    private static readonly ProcedureAgency Planning = Agency(6, "Sở Kế hoạch và Đầu tư");
    private static readonly ProcedureAgency Culture = Agency(7, "Sở Văn hóa và Thể thao");
    private static readonly ProcedureAgency Education = Agency(8, "Sở Giáo dục và Đào tạo");
    private static readonly ProcedureAgency Justice = Agency(9, "Sở Tư pháp");

    private static readonly CatalogueField Building = Field("XD", "Hoạt động xây dựng", Construction, Law("50/2014/QH13", "Luật Xây dựng", "20140618", "Quốc hội"));
    private static readonly CatalogueField Land = Field("DD", "Đất đai", NaturalResources, Law("31/2024/QH15", "Luật Đất đai", "20240118", "Quốc hội"));
    private static readonly CatalogueField Environment = Field("MT", "Môi trường", NaturalResources, Law("72/2020/QH14", "Luật Bảo vệ môi trường", "20201117", "Quốc hội"));
    private static readonly CatalogueField Water = Field("TNN", "Tài nguyên nước", NaturalResources, Law("28/2023/QH15", "Luật Tài nguyên nước", "20231127", "Quốc hội"));
    private static readonly CatalogueField Roads = Field("DB", "Đường bộ", Transport, Law("10/2020/NĐ-CP", "Nghị định quy định về kinh doanh và điều kiện kinh doanh vận tải bằng xe ô tô", "20200117", "Chính phủ"));
    private static readonly CatalogueField FoodSafety = Field("ATTP", "An toàn thực phẩm", Health, Law("55/2010/QH12", "Luật An toàn thực phẩm", "20100617", "Quốc hội"));
    private static readonly CatalogueField Pharmacy = Field("DUOC", "Dược", Health, Law("105/2016/QH13", "Luật Dược", "20160406", "Quốc hội"));
    private static readonly CatalogueField Medicine = Field("KCB", "Khám bệnh, chữa bệnh", Health, Law("15/2023/QH15", "Luật Khám bệnh, chữa bệnh", "20230109", "Quốc hội"));
    private static readonly CatalogueField Employment = Field("VL", "Việc làm", Labour, Law("45/2019/QH14", "Bộ luật Lao động", "20191120", "Quốc hội"));
    private static readonly CatalogueField Enterprises = Field("DN", "Thành lập và hoạt động của doanh nghiệp", Planning, Law("59/2020/QH14", "Luật Doanh nghiệp", "20200617", "Quốc hội"));
    private static readonly CatalogueField CultureField = Field("VH", "Văn hóa", Culture, Law("54/2019/NĐ-CP", "Nghị định quy định về kinh doanh dịch vụ karaoke, dịch vụ vũ trường", "20190619", "Chính phủ"));
    private static readonly CatalogueField Schools = Field("GD", "Giáo dục và Đào tạo", Education, Law("43/2019/QH14", "Luật Giáo dục", "20190614", "Quốc hội"));
    private static readonly CatalogueField CivilStatus = new("HT", "Hộ tịch", "Cấp Xã", Justice, Law("60/2014/QH13", "Luật Hộ tịch", "20141120", "Quốc hội"));

    public static IReadOnlyList<CatalogueSubject> Subjects { get; } =
    [
        new("giấy phép xây dựng", Building, PermitActions, ["đối với công trình cấp I, cấp II", "đối với công trình cấp III", "đối với nhà ở riêng lẻ", "đối với công trình tôn giáo", "có thời hạn", "theo giai đoạn"]),
        new("chứng chỉ hành nghề hoạt động xây dựng", Building, CertificateActions, ["hạng II", "hạng III", "cho cá nhân là người nước ngoài"]),
        new("giấy phép hoạt động xây dựng cho nhà thầu nước ngoài", Building, PermitActions, ["", "là tổ chức", "là cá nhân"]),
        new("giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất", Land, ["Cấp", "Cấp lại", "Cấp đổi", "Đính chính", "Thu hồi"], ["lần đầu cho tổ chức", "lần đầu cho hộ gia đình, cá nhân", "do bị mất", "do bị ố, nhòe, rách, hư hỏng"]),
        new("giấy phép môi trường", Environment, PermitActions, ["", "đối với dự án đầu tư nhóm II", "đối với dự án đầu tư nhóm III", "đối với cơ sở đang hoạt động"]),
        new("giấy phép xử lý chất thải nguy hại", Environment, PermitActions, ["", "thuộc thẩm quyền cấp tỉnh"]),
        new("giấy phép khai thác, sử dụng nước mặt", Water, PermitActions, ["", "cho sản xuất nông nghiệp, nuôi trồng thủy sản", "cho kinh doanh, dịch vụ"]),
        new("giấy phép thăm dò nước dưới đất", Water, PermitActions, ["", "đối với công trình có lưu lượng dưới 3.000 m³/ngày đêm"]),
        new("giấy phép kinh doanh vận tải bằng xe ô tô", Roads, PermitActions, ["", "đối với doanh nghiệp, hợp tác xã", "đối với hộ kinh doanh"]),
        new("giấy phép lái xe", Roads, ["Cấp", "Cấp lại", "Cấp đổi"], ["hạng A1", "hạng B", "hạng C1", "quốc tế", "do ngành Giao thông vận tải quản lý"]),
        new("phù hiệu xe taxi, xe hợp đồng", Roads, ["Cấp", "Cấp lại", "Thu hồi"], ["", "có thời hạn"]),
        new("giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", FoodSafety, PermitActions, ["đối với cơ sở sản xuất thực phẩm", "đối với cơ sở kinh doanh dịch vụ ăn uống", "đối với cơ sở sản xuất, kinh doanh thực phẩm bảo vệ sức khỏe"]),
        new("chứng chỉ hành nghề dược", Pharmacy, CertificateActions, ["theo hình thức xét hồ sơ", "theo hình thức thi", "bị ghi sai do lỗi của cơ quan cấp"]),
        new("giấy chứng nhận đủ điều kiện kinh doanh dược", Pharmacy, PermitActions, ["đối với nhà thuốc", "đối với quầy thuốc", "đối với cơ sở bán buôn thuốc"]),
        new("giấy phép hoạt động khám bệnh, chữa bệnh", Medicine, PermitActions, ["đối với phòng khám đa khoa", "đối với phòng khám chuyên khoa", "đối với phòng chẩn trị y học cổ truyền"]),
        new("giấy phép hành nghề khám bệnh, chữa bệnh", Medicine, CertificateActions, ["đối với bác sỹ", "đối với điều dưỡng", "đối với y sỹ"]),
        new("giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam", Employment, ["Cấp", "Cấp lại", "Gia hạn", "Thu hồi"], [""]),
        new("giấy phép hoạt động dịch vụ việc làm", Employment, PermitActions, ["", "của doanh nghiệp"]),
        new("thành lập doanh nghiệp", Enterprises, ["Đăng ký"], CompanyForms),
        new("thay đổi nội dung đăng ký doanh nghiệp", Enterprises, ["Đăng ký", "Thông báo"], CompanyForms),
        new("giấy chứng nhận đăng ký doanh nghiệp", Enterprises, ["Cấp lại", "Cấp đổi"], ["", "theo yêu cầu", "do bị mất, cháy, rách, nát hoặc bị tiêu hủy"]),
        new("giấy phép đủ điều kiện kinh doanh dịch vụ karaoke", CultureField, PermitActions, ["", "khi thay đổi chủ sở hữu"]),
        new("giấy phép tổ chức biểu diễn nghệ thuật", CultureField, ["Cấp", "Thu hồi"], ["", "có yếu tố nước ngoài"]),
        new("trường trung học phổ thông tư thục", Schools, SchoolActions, ["", "có vốn đầu tư nước ngoài"]),
        new("trung tâm ngoại ngữ, tin học", Schools, SchoolActions, ["", "có vốn đầu tư nước ngoài"]),
        new("khai sinh", CivilStatus, CivilStatusActions, ["", "có yếu tố nước ngoài", "kết hợp nhận cha, mẹ, con", "lưu động"]),
        new("kết hôn", CivilStatus, CivilStatusActions, ["", "có yếu tố nước ngoài", "lưu động"]),
        new("khai tử", CivilStatus, CivilStatusActions, ["", "có yếu tố nước ngoài", "lưu động"]),
    ];

    /// <summary>Laws every procedure may also cite (one-stop shop, online procedures).</summary>
    public static IReadOnlyList<LegalBasis> CommonLaws { get; } =
    [
        Law("61/2018/NĐ-CP", "Nghị định về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính", "20180423", "Chính phủ"),
        Law("107/2021/NĐ-CP", "Nghị định sửa đổi, bổ sung một số điều của Nghị định số 61/2018/NĐ-CP", "20211206", "Chính phủ"),
        Law("45/2020/NĐ-CP", "Nghị định về thực hiện thủ tục hành chính trên môi trường điện tử", "20200408", "Chính phủ"),
    ];

    public static IReadOnlyList<string> SupportingDocuments { get; } =
    [
        "Bản sao giấy tờ tùy thân của người đề nghị",
        "Giấy ủy quyền (trường hợp nộp thay)",
        "Bản sao Giấy chứng nhận đăng ký doanh nghiệp hoặc quyết định thành lập",
        "Bản vẽ thiết kế, thuyết minh kỹ thuật",
        "Báo cáo đánh giá tác động môi trường (nếu có)",
        "Bản sao văn bằng, chứng chỉ chuyên môn",
        "Giấy chứng nhận sức khỏe do cơ sở y tế có thẩm quyền cấp",
        "Bản chính giấy phép đã được cấp (trường hợp cấp lại, cấp đổi, điều chỉnh)",
        "02 ảnh màu cỡ 4x6 cm chụp không quá 06 tháng",
    ];

    public static IReadOnlyList<int> ProcessingDays { get; } = [1, 3, 5, 7, 10, 12, 15, 20, 30, 45];

    public static IReadOnlyList<long> ChargeAmounts { get; } = [20_000, 50_000, 100_000, 150_000, 200_000, 300_000, 500_000, 1_000_000];

    public static IReadOnlyList<long> AppraisalFeeAmounts { get; } = [200_000, 500_000, 1_000_000, 1_500_000, 3_000_000, 5_000_000];

    private static ProcedureAgency Agency(int number, string name) => new($"000.00.{number:D2}.{ProvinceCode}", name);

    private static CatalogueField Field(string code, string name, ProcedureAgency agency, LegalBasis mainLaw) =>
        new(code, name, "Cấp Tỉnh", agency, mainLaw);

    private static LegalBasis Law(string number, string title, string issuedOn, string issuer) =>
        new(number, title, issuedOn + "000000", issuer);
}
