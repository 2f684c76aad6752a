using IntegrationHub.Connectors.IGate;
using IntegrationHub.Connectors.TestKit;

namespace IntegrationHub.Connectors.Tests.IGate;

/// <summary>iGate against its sandbox, through the acceptance suite every connector passes: the dossiers feed as the
/// source, the procedure catalogue as the destination (a code the sandbox's rule rejects is the poison).</summary>
public sealed class IGateAcceptanceTests : ConnectorAcceptanceTests
{
    private static readonly string PoisonCode = NationalProcedurePayloads.Code(999_999);

    protected override ConnectorAcceptanceProfile Profile { get; } = new(
        new IGateModule(),
        IGateConnector.ConnectorId,
        BadParameters: new Dictionary<string, string?> { ["BaseUrl"] = "not a url", ["BatchSize"] = "0", ["ApiKey"] = "" },
        WrongCredentials: new Dictionary<string, string?> { ["ApiKey"] = "not-the-key" })
    {
        SandboxSettings = new Dictionary<string, string?> { ["ApiKey"] = "igate-acceptance-key", ["RejectCodes:0"] = PoisonCode },
        // Small pages, so a read of the seeded dossiers makes several checkpoints.
        ConnectorSettings = new Dictionary<string, string?> { ["BatchSize"] = "4" },
        Source = new SourceCase(IGateConnector.DossiersStream, (sandbox, count) =>
        {
            ((IGateSandbox)sandbox).Dossiers.Generate(count, 0);
            return Task.CompletedTask;
        }),
        Destination = new DestinationCase(
            IGateConnector.ProceduresStream,
            n => NationalProcedurePayloads.Procedure(NationalProcedurePayloads.Code(n + 1)),
            NationalProcedurePayloads.Procedure(PoisonCode)),
    };
}
