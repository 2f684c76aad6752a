using IntegrationHub.Connectors.NationalPortal;
using IntegrationHub.Connectors.NationalPortal.Sandbox;
using IntegrationHub.Connectors.TestKit;

namespace IntegrationHub.Connectors.Tests.NationalPortal;

/// <summary>The national portal against its sandbox, through the acceptance suite every connector passes: the
/// procedure catalogue as the source (new procedures published at the sandbox), dossiers as the destination (a
/// malformed MaTTHC, which the portal's validation refuses, is the poison).</summary>
public sealed class NationalPortalAcceptanceTests : ConnectorAcceptanceTests
{
    protected override ConnectorAcceptanceProfile Profile { get; } = new(
        new NationalPortalModule(),
        NationalPortalConnector.ConnectorId,
        BadParameters: new Dictionary<string, string?> { ["BaseUrl"] = "not a url", ["PageSize"] = "0", ["UnitCode"] = "" },
        WrongCredentials: new Dictionary<string, string?> { ["Password"] = "not-the-password" })
    {
        SandboxSettings = new Dictionary<string, string?> { ["Password"] = NationalPortalTestBed.Password, ["ProcedureCount"] = "6" },
        // Small pages, so a read of the catalogue makes several checkpoints.
        ConnectorSettings = new Dictionary<string, string?>(
            NationalPortalTestBed.DefaultStatusMap().Select(s => KeyValuePair.Create($"StatusMap:{s.Key}", (string?)s.Value)))
        {
            ["UnitCode"] = "000.00.00.H56",
            ["PageSize"] = "4",
        },
        Source = new SourceCase(NationalPortalConnector.ProceduresStream, (sandbox, count) =>
        {
            ((NationalPortalSandbox)sandbox).PublishProcedures(count);
            return Task.CompletedTask;
        }),
        Destination = new DestinationCase(
            NationalPortalConnector.DossiersStream,
            n => IGatePayloads.Dossier($"HS-ACC-{n:D4}").ToJsonString(),
            Poison()),
    };

    private static string Poison()
    {
        var dossier = IGatePayloads.Dossier("HS-ACC-POISON");
        dossier["maTTHC"] = "1.2.3";
        return dossier.ToJsonString();
    }
}
