using IntegrationHub.Connectors.IGate;
using IntegrationHub.Connectors.Sandboxing;
using IntegrationHub.Contracts;
using Xunit;
using static IntegrationHub.Connectors.Tests.IGate.HubWritePayloads;

namespace IntegrationHub.Connectors.Tests.IGate;

/// <summary>Payments and evaluations under the sandbox's injected faults: each whole-call failure is transient and
/// applies nothing, and retrying the same batch (as the host does) applies every item exactly once.</summary>
public sealed class IGateDossierWriteFaultTests
{
    [Theory]
    [InlineData("payments", SandboxFaultKind.ServerError, "IGATE-HTTP-500")]
    [InlineData("payments", SandboxFaultKind.TooManyRequests, "IGATE-HTTP-429")]
    [InlineData("evaluations", SandboxFaultKind.ServerError, "IGATE-HTTP-500")]
    [InlineData("evaluations", SandboxFaultKind.TooManyRequests, "IGATE-HTTP-429")]
    public async Task An_injected_fault_is_transient_and_applies_nothing(string stream, SandboxFaultKind kind, string code)
    {
        await using var rig = await IGateTestRig.StartAsync(o =>
        {
            o.Faults.FailureRate = 1;
            o.Faults.ServerErrorWeight = kind == SandboxFaultKind.ServerError ? 1 : 0;
            o.Faults.TooManyRequestsWeight = kind == SandboxFaultKind.TooManyRequests ? 1 : 0;
            o.Faults.TimeoutWeight = 0;
            o.Faults.RetryAfterSeconds = 3;
        });
        var dossiers = Dossiers(rig, 3);

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => rig.Connector().WriteAsync(stream, Batch(stream, dossiers), CancellationToken.None));

        Assert.Equal(FailureKind.Transient, ex.Failure.Kind);
        Assert.Equal(code, ex.Failure.Code);
        Assert.Equal(kind == SandboxFaultKind.TooManyRequests ? TimeSpan.FromSeconds(3) : null, ex.Failure.RetryAfter);
        Assert.Equal(1, rig.Sandbox.FaultCounts()[kind]);
        Assert.Equal(0, Stats(rig, stream).ItemsReceived);
    }

    [Theory]
    [InlineData("payments")]
    [InlineData("evaluations")]
    public async Task Retrying_through_server_errors_and_429s_applies_each_item_exactly_once(string stream)
    {
        await using var rig = await IGateTestRig.StartAsync(o =>
        {
            o.Faults.FailureRate = 0.5;
            o.Faults.ServerErrorWeight = 1;
            o.Faults.TooManyRequestsWeight = 1;
            o.Faults.TimeoutWeight = 0;
            o.Faults.Seed = 20261128;
        });
        var connector = rig.Connector();
        var dossiers = Dossiers(rig, 25);
        var batch = Batch(stream, dossiers);

        // The host's part, played here: retry the whole batch under the same keys while the failure is transient,
        // and keep redelivering after success until both kinds of fault have been met.
        var deliveries = 0;
        for (var attempt = 1; attempt <= 200 && (deliveries < 3 || rig.Sandbox.FaultCounts().Count < 2); attempt++)
        {
            try
            {
                var outcomes = await connector.WriteAsync(stream, [.. batch.Select(m => m with { Attempt = attempt })], CancellationToken.None);
                Assert.All(outcomes, o => Assert.True(o.Delivered, o.Failure?.Message));
                deliveries++;
            }
            catch (ConnectorException ex)
            {
                Assert.Equal(FailureKind.Transient, ex.Failure.Kind);
                Assert.Contains(ex.Failure.Code, new[] { "IGATE-HTTP-500", "IGATE-HTTP-429" });
            }
        }

        Assert.True(deliveries >= 3);
        Assert.True(rig.Sandbox.FaultCounts()[SandboxFaultKind.ServerError] > 0);
        Assert.True(rig.Sandbox.FaultCounts()[SandboxFaultKind.TooManyRequests] > 0);
        var stats = Stats(rig, stream);
        Assert.Equal(25, stats.TotalAppliedWrites);
        Assert.Equal(25 * (deliveries - 1), stats.DuplicatesIgnored);
        Assert.Equal(1, stats.MaxWritesPerKey);
        var counts = stream == "payments" ? rig.Sandbox.PaymentWriteCounts() : rig.Sandbox.EvaluationWriteCounts();
        Assert.Equal(25, counts.Count);
        Assert.All(dossiers, d => Assert.Single(stream == "payments" ? rig.Sandbox.Dossiers.Payments(d) : (IEnumerable<object>)rig.Sandbox.Dossiers.Evaluations(d)));
    }

    private static IReadOnlyList<OutboundMessage> Batch(string stream, IReadOnlyList<string> dossiers) =>
        stream == "payments" ? Payments(dossiers) : Evaluations(dossiers);

    private static IGateWriteStats Stats(IGateTestRig rig, string stream) =>
        stream == "payments" ? rig.Sandbox.PaymentStats() : rig.Sandbox.EvaluationStats();
}
