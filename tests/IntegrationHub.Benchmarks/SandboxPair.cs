using IntegrationHub.Connectors.IGate;
using IntegrationHub.Connectors.NationalPortal.Sandbox;

namespace IntegrationHub.Benchmarks;

/// <summary>The two counterparties, in this process on free ports: a National Portal with the catalogue to read and an
/// empty iGate to write to. Each run gets a fresh pair, so iGate's write counts belong to that run alone.</summary>
internal sealed class SandboxPair : IAsyncDisposable
{
    public const string Username = "bench-hub";
    public const string Password = "bench-only-password";
    public const string ApiKey = "bench-only-igate-key";
    public const string UnitCode = "000.00.00.H56";

    private SandboxPair(NationalPortalSandbox portal, IGateSandbox iGate)
    {
        Portal = portal;
        IGate = iGate;
    }

    public NationalPortalSandbox Portal { get; }

    public IGateSandbox IGate { get; }

    public Uri PortalUrl => Portal.BaseAddress!;

    public Uri IGateUrl => IGate.BaseAddress!;

    public static async Task<SandboxPair> StartAsync(int procedures, CancellationToken cancellationToken)
    {
        var pair = new SandboxPair(
            new NationalPortalSandbox(new NationalPortalSandboxOptions { ProcedureCount = procedures, Username = Username, Password = Password }),
            new IGateSandbox(new IGateSandboxOptions { ApiKey = ApiKey }));
        try
        {
            await pair.Portal.StartAsync(cancellationToken);
            await pair.IGate.StartAsync(cancellationToken);
            return pair;
        }
        catch
        {
            await pair.DisposeAsync();
            throw;
        }
    }

    public ExactlyOnceCheck Check() => ExactlyOnceCheck.Of(Portal.ProcedureCodes, IGate.WriteCounts(), IGate.Stats());

    public async ValueTask DisposeAsync()
    {
        await Portal.DisposeAsync();
        await IGate.DisposeAsync();
    }
}
