using System.Collections.Frozen;
using static IntegrationHub.Connectors.IGate.IGateDossierStatus;

namespace IntegrationHub.Connectors.IGate;

/// <summary>Which <see cref="IGateDossierStatus"/> may follow which. The main path is receiving → new → processing →
/// releasing → done; processing may pause for a supplement or a payment and resume. Where iGate's real rules are not
/// public (when a dossier may be cancelled) the sandbox chose: by the applicant, while it waits on them or on reception.</summary>
public static class IGateDossierLifecycle
{
    /// <summary>The status a new dossier starts in.</summary>
    public const string Initial = ChoTiepNhan;

    private static readonly FrozenDictionary<string, string[]> Next = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [ChoTiepNhan] = [MoiTiepNhan, DaHuy],
        [MoiTiepNhan] = [DangXuLy, TuChoi, DaHuy],
        [DangXuLy] = [ChoTraKetQua, ChoBoSung, ChoThanhToan, TuChoi],
        [ChoBoSung] = [DangXuLy, DaHuy],
        [ChoThanhToan] = [DangXuLy, DaHuy],
        [ChoTraKetQua] = [DaTraKetQua],
        [DaTraKetQua] = [],
        [TuChoi] = [],
        [DaHuy] = [],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <returns>The statuses that may follow <paramref name="status"/>; empty for a final or unknown status.</returns>
    public static IReadOnlyList<string> NextStatuses(string status) =>
        Next.TryGetValue(status, out var next) ? next : [];

    public static bool IsAllowed(string from, string to) => NextStatuses(from).Contains(to, StringComparer.Ordinal);

    /// <summary>Done, denied or cancelled: nothing follows.</summary>
    public static bool IsFinal(string status) => Next.TryGetValue(status, out var next) && next.Length == 0;
}
