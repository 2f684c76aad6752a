using IntegrationHub.Connectors.IGate;
using IntegrationHub.Connectors.NationalPortal.Sandbox;
using IntegrationHub.Connectors.Sandboxing;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>iGate (dossier source) and the national portal (validating destination), in this process on free ports.</summary>
public sealed class DossierSandboxes : IAsyncDisposable
{
    private DossierSandboxes(IGateSandbox igate, NationalPortalSandbox national, SandboxFaultOptions igateFaults, SandboxFaultOptions nationalFaults)
    {
        IGate = igate;
        National = national;
        IGateFaults = igateFaults;
        NationalFaults = nationalFaults;
    }

    public IGateSandbox IGate { get; }

    public NationalPortalSandbox National { get; }

    public SandboxFaultOptions IGateFaults { get; }

    public SandboxFaultOptions NationalFaults { get; }

    public static async Task<DossierSandboxes> StartAsync(int rejectEveryNth = 0)
    {
        var igateFaults = new SandboxFaultOptions();
        var nationalFaults = new SandboxFaultOptions();
        var igate = new IGateSandbox(new IGateSandboxOptions { ApiKey = "igate-test-key", Seed = 3, Faults = igateFaults });
        var national = new NationalPortalSandbox(new NationalPortalSandboxOptions
        {
            ProcedureCount = 10,
            Username = "sandbox-hub",
            Password = "sandbox-test-password",
            Faults = nationalFaults,
            RejectRule = new NationalPortalRejectRule { RejectEveryNth = rejectEveryNth },
        });
        await igate.StartAsync(CancellationToken.None);
        await national.StartAsync(CancellationToken.None);
        return new DossierSandboxes(igate, national, igateFaults, nationalFaults);
    }

    public void ApplyTo(IDictionary<string, string?> settings)
    {
        settings.Wire(National, National.BaseAddress!);
        settings.Wire(IGate, IGate.BaseAddress!);
    }

    public async ValueTask DisposeAsync()
    {
        await IGate.DisposeAsync();
        await National.DisposeAsync();
    }
}
