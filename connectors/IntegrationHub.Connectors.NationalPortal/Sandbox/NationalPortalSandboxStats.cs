namespace IntegrationHub.Connectors.NationalPortal.Sandbox;

/// <summary>What the sandbox has served, for tests and the demo (<c>GET /sandbox/stats</c>).</summary>
/// <param name="LoginCalls">Login requests that passed fault injection, accepted or not.</param>
/// <param name="ListCalls">LayDanhSachTTHC calls served with a valid session.</param>
/// <param name="DetailCalls">LayThuTuc calls served with a valid session (found or not).</param>
/// <param name="PagesRequested">pageIndex of each served LayDanhSachTTHC call, in arrival order.</param>
/// <param name="Faults">Injected faults by kind.</param>
public sealed record NationalPortalSandboxStats(
    int ProcedureCount,
    int LoginCalls,
    int ListCalls,
    int DetailCalls,
    IReadOnlyList<int> PagesRequested,
    IReadOnlyDictionary<string, int> Faults);
