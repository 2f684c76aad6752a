using System.Globalization;
using static IntegrationHub.Connectors.IGate.IGateDossierStatus;

namespace IntegrationHub.Connectors.IGate.Sandbox.Dossiers;

/// <summary>Writes the progress entry of a status change: who did it, where, what, and by when the step was due.</summary>
internal sealed class ProgressStepWriter(ApplicantFactory people)
{
    private const string Desk = "Bộ phận Tiếp nhận và Trả kết quả";
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <param name="previous">The dossier before the step; null for the submission (stt 1).</param>
    /// <param name="startedAt">When the step began: the previous step's time, or the submission.</param>
    public ProgressRecord Write(DossierRecord? previous, DossierRecord dossier, int stt, DateTimeOffset startedAt, DateTimeOffset now)
    {
        var procedure = DossierProcedures.Of(dossier.MaTTHC);
        var at = WorkingCalendar.Seconds(now);
        var atDesk = dossier.TrangThai is ChoTiepNhan or MoiTiepNhan or DaTraKetQua or DaHuy;
        return new ProgressRecord
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"{dossier.MaHoSo}-{stt:D3}"),
            MaHoSo = dossier.MaHoSo,
            Stt = stt,
            NguoiXuLy = previous is null ? "Hệ thống một cửa điện tử" : people.Officer(),
            ChucDanh = previous is null ? "Hệ thống" : people.Pick(atDesk ? VietnameseNames.DeskTitles : VietnameseNames.ProcessingTitles),
            PhongBanXuLy = atDesk ? Desk : procedure.PhongBan,
            NoiDungXuLy = Content(previous, dossier, procedure),
            TrangThai = dossier.TrangThai,
            ThoiDiemXuLy = at,
            NgayBatDau = WorkingCalendar.Seconds(startedAt),
            NgayKetThucTheoQuyDinh = Deadline(previous, dossier, startedAt, at),
            RecordedAt = now,
        };
    }

    private static DateTimeOffset Deadline(DossierRecord? previous, DossierRecord dossier, DateTimeOffset startedAt, DateTimeOffset at) =>
        dossier.TrangThai switch
        {
            ChoTiepNhan or DaHuy => at,

            // The desk has half a working day to accept or hand on a dossier.
            MoiTiepNhan => WorkingCalendar.NextNoon(startedAt),
            DangXuLy when previous?.TrangThai == ChoBoSung => WorkingCalendar.MidnightAfter(startedAt, 5),
            DangXuLy when previous?.TrangThai == ChoThanhToan => WorkingCalendar.MidnightAfter(startedAt, 2),
            DangXuLy => WorkingCalendar.NextNoon(startedAt),
            _ => dossier.NgayHenTra,
        };

    private string Content(DossierRecord? previous, DossierRecord dossier, DossierProcedure procedure) => dossier.TrangThai switch
    {
        ChoTiepNhan => dossier.KenhThucHien switch
        {
            2 => "Nộp hồ sơ trực tuyến trên Cổng dịch vụ công",
            3 => "Nộp hồ sơ qua dịch vụ bưu chính công ích",
            _ => "Nộp hồ sơ trực tiếp tại Bộ phận Một cửa",
        },
        MoiTiepNhan => $"Tiếp nhận hồ sơ, hẹn trả kết quả ngày {dossier.NgayHenTra.ToString("dd/MM/yyyy", Vietnamese)}",
        DangXuLy when previous?.TrangThai == ChoBoSung => "Người nộp đã bổ sung hồ sơ, tiếp tục xử lý",
        DangXuLy when previous?.TrangThai == ChoThanhToan => "Đã thanh toán phí, lệ phí; tiếp tục xử lý",
        DangXuLy => $"Chuyển hồ sơ đến {procedure.PhongBan} xử lý",
        ChoBoSung => $"Yêu cầu bổ sung hồ sơ: {people.Pick(dossier.TaiLieuNop).TenTaiLieu} chưa hợp lệ",
        ChoThanhToan => $"Đề nghị thanh toán phí, lệ phí: {dossier.LePhi.Sum(f => f.SoTien).ToString("N0", Vietnamese)} đồng",
        ChoTraKetQua => "Đã ký duyệt kết quả, chuyển Bộ phận Một cửa trả kết quả",
        DaTraKetQua => $"Đã trả kết quả cho {dossier.ChuHoSo}",
        TuChoi => "Từ chối giải quyết: hồ sơ không đủ điều kiện theo quy định",
        DaHuy => "Hủy hồ sơ theo đề nghị của người nộp",
        _ => $"Chuyển trạng thái {dossier.TrangThai}",
    };
}
