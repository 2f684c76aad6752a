namespace IntegrationHub.Connectors.IGate;

/// <summary>iGate's local dossier status codes (<c>trangThai</c>), with the national (DVCQG) number each one means.
/// iGate speaks these strings; mapping them to DVCQG's TrangThaiHoSo numbers is the national-portal side's job.
/// The allowed moves between them are in <see cref="IGateDossierLifecycle"/>.</summary>
public static class IGateDossierStatus
{
    /// <summary>1, receiving: submitted (usually online), not yet accepted by the one-stop desk.</summary>
    public const string ChoTiepNhan = "CHO_TIEP_NHAN";

    /// <summary>2, new: accepted by the one-stop desk.</summary>
    public const string MoiTiepNhan = "MOI_TIEP_NHAN";

    /// <summary>3, denied (from <see cref="MoiTiepNhan"/> or <see cref="DangXuLy"/>). Final.</summary>
    public const string TuChoi = "TU_CHOI";

    /// <summary>4, processing.</summary>
    public const string DangXuLy = "DANG_XU_LY";

    /// <summary>5, waiting for the applicant to supplement the dossier.</summary>
    public const string ChoBoSung = "CHO_BO_SUNG";

    /// <summary>6, waiting for the applicant to pay fees.</summary>
    public const string ChoThanhToan = "CHO_THANH_TOAN";

    /// <summary>7, cancelled (withdrawn by the applicant). Final.</summary>
    public const string DaHuy = "DA_HUY";

    /// <summary>9, result ready, waiting to be released.</summary>
    public const string ChoTraKetQua = "CHO_TRA_KET_QUA";

    /// <summary>10, result released. Final.</summary>
    public const string DaTraKetQua = "DA_TRA_KET_QUA";

    public static IReadOnlyList<string> All { get; } =
        [ChoTiepNhan, MoiTiepNhan, TuChoi, DangXuLy, ChoBoSung, ChoThanhToan, DaHuy, ChoTraKetQua, DaTraKetQua];

    /// <returns>The DVCQG TrangThaiHoSo number the status means, or null for a code iGate does not have.</returns>
    public static int? NationalCode(string? status) => status switch
    {
        ChoTiepNhan => 1,
        MoiTiepNhan => 2,
        TuChoi => 3,
        DangXuLy => 4,
        ChoBoSung => 5,
        ChoThanhToan => 6,
        DaHuy => 7,
        ChoTraKetQua => 9,
        DaTraKetQua => 10,
        _ => null,
    };
}
