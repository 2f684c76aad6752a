using static IntegrationHub.Connectors.IGate.IGateDossierStatus;

namespace IntegrationHub.Connectors.IGate.Sandbox.Dossiers;

/// <summary>How likely each allowed next status is, so generated dossiers mostly follow the main path and some pause,
/// get denied or are cancelled. Every status here is one <see cref="IGateDossierLifecycle"/> allows.</summary>
internal static class DossierTransitions
{
    public static IReadOnlyList<(string Status, int Weight)> From(string status, bool hasFees) => status switch
    {
        ChoTiepNhan => [(MoiTiepNhan, 92), (DaHuy, 8)],
        MoiTiepNhan => [(DangXuLy, 92), (TuChoi, 5), (DaHuy, 3)],

        // Only a dossier with fees can be asked to pay.
        DangXuLy => [(ChoTraKetQua, 70), (ChoBoSung, 12), (ChoThanhToan, hasFees ? 10 : 0), (TuChoi, 8)],
        ChoBoSung => [(DangXuLy, 85), (DaHuy, 15)],
        ChoThanhToan => [(DangXuLy, 92), (DaHuy, 8)],
        ChoTraKetQua => [(DaTraKetQua, 100)],
        _ => [],
    };
}
