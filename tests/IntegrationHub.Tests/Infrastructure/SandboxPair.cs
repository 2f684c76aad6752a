using IntegrationHub.Connectors.IGate;
using IntegrationHub.Connectors.NationalPortal.Sandbox;
using IntegrationHub.Connectors.Sandboxing;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>The national portal and iGate sandboxes, started in the test process on free ports, and the settings
/// that point a hub's connectors at them.</summary>
public sealed class SandboxPair : IAsyncDisposable
{
    private SandboxPair(NationalPortalSandbox national, SandboxFaultOptions nationalFaults, IGateSandbox igate, Uri nationalAddress, Uri igateAddress)
    {
        NationalFaults = nationalFaults;
        National = national;
        IGate = igate;
        NationalAddress = nationalAddress;
        IGateAddress = igateAddress;
    }

    public NationalPortalSandbox National { get; }

    /// <summary>The national sandbox's live fault settings: changes apply to its next calls.</summary>
    public SandboxFaultOptions NationalFaults { get; }

    public IGateSandbox IGate { get; }

    public Uri NationalAddress { get; }

    public Uri IGateAddress { get; }

    public static async Task<SandboxPair> StartAsync(int procedures = 2000, SandboxFaultOptions? nationalFaults = null, IEnumerable<string>? rejectCodes = null, SandboxFaultOptions? igateFaults = null)
    {
        nationalFaults ??= new SandboxFaultOptions();
        var national = new NationalPortalSandbox(new NationalPortalSandboxOptions
        {
            ProcedureCount = procedures,
            Seed = 7,
            Username = "sandbox-hub",
            Password = "sandbox-test-password",
            Faults = nationalFaults,
        });
        var igate = new IGateSandbox(new IGateSandboxOptions { ApiKey = "igate-test-key", RejectCodes = [.. rejectCodes ?? []], Faults = igateFaults ?? new SandboxFaultOptions() });
        var nationalAddress = await national.StartAsync(CancellationToken.None);
        var igateAddress = await igate.StartAsync(CancellationToken.None);
        return new SandboxPair(national, nationalFaults, igate, nationalAddress, igateAddress);
    }

    public void ApplyTo(IDictionary<string, string?> settings)
    {
        settings.Wire(National, NationalAddress);
        settings.Wire(IGate, IGateAddress);
    }

    public async ValueTask DisposeAsync()
    {
        await National.DisposeAsync();
        await IGate.DisposeAsync();
    }
}
