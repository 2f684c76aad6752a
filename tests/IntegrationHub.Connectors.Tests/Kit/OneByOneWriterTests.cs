using IntegrationHub.Connectors.Kit;
using IntegrationHub.Connectors.Example;
using IntegrationHub.Connectors.Example.Sandbox;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace IntegrationHub.Connectors.Tests.Kit;

/// <summary>The kit's one-by-one writer: a poison message gets its own Permanent outcome and the rest are delivered;
/// a failure of the counterparty stops the batch.</summary>
public sealed class OneByOneWriterTests
{
    private static readonly OneByOneWriter Writer = new("The probe", NullLogger<ExampleConnector>.Instance);

    private static ConnectorFailure Failure(FailureKind kind, string code) => new(kind, code, code);

    [Fact]
    public async Task A_batch_refused_as_a_whole_is_sent_again_one_by_one_and_only_the_poison_message_is_permanent()
    {
        await using var rig = await ExampleRig.StartAsync();

        var outcomes = await rig.Connector().WriteAsync(ExampleConnector.EntriesStream, [ExampleRig.Entry(1), ExampleRig.Entry(2, ExampleWire.Invalid), ExampleRig.Entry(3)], CancellationToken.None);

        Assert.True(outcomes[0].Delivered);
        Assert.Equal((FailureKind.Permanent, "INVALID"), (outcomes[1].Failure!.Kind, outcomes[1].Failure!.Code));
        Assert.True(outcomes[2].Delivered);
        Assert.Equal(new Sandboxing.SandboxStreamStats(2, 2, 2, 0, 0), rig.Sandbox.Writes.Stats(ExampleConnector.EntriesStream));
    }

    [Fact]
    public async Task A_refusal_every_message_meets_alone_is_the_calls_and_is_thrown()
    {
        await using var rig = await ExampleRig.StartAsync();

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => rig.Connector().WriteAsync(
            ExampleConnector.EntriesStream, [ExampleRig.Entry(1, ExampleWire.Invalid), ExampleRig.Entry(2, ExampleWire.Invalid)], CancellationToken.None));

        Assert.Equal((FailureKind.Permanent, "INVALID"), (ex.Failure.Kind, ex.Failure.Code));
    }

    [Fact]
    public async Task A_message_sent_alone_after_its_batch_was_refused_keeps_its_reference()
    {
        var outcomes = await Writer.WithFallbackAsync("s", [ExampleRig.Entry(1), ExampleRig.Entry(2)], messages => messages.Count > 1
            ? throw new ConnectorException(Failure(FailureKind.Permanent, "BATCH"))
            : Task.FromResult<IReadOnlyList<WriteOutcome>>([WriteOutcome.Success(messages[0].MessageId, $"R{messages[0].MessageId}")]));

        Assert.Equal(["R1", "R2"], outcomes.Select(o => o.Reference));
    }

    [Fact]
    public async Task A_failure_about_one_message_is_its_outcome_and_the_batch_goes_on()
    {
        var batch = new[] { ExampleRig.Entry(1), ExampleRig.Entry(2), ExampleRig.Entry(3) };

        var outcomes = await Writer.EachAsync("s", batch, m => Task.FromResult(m.MessageId == 2 ? Failure(FailureKind.Permanent, "BAD") : null));

        Assert.Equal([true, false, true], outcomes.Select(o => o.Delivered));
        Assert.Equal("BAD", outcomes[1].Failure!.Code);
    }

    [Fact]
    public async Task A_counterparty_failure_after_a_delivery_fails_the_rest_with_it_and_before_any_is_thrown()
    {
        var batch = new[] { ExampleRig.Entry(1), ExampleRig.Entry(2), ExampleRig.Entry(3) };
        var calls = 0;

        var outcomes = await Writer.EachAsync("s", batch, m =>
        {
            calls++;
            return Task.FromResult(m.MessageId == 2 ? Failure(FailureKind.Transient, "DOWN") : null);
        });
        var ex = await Assert.ThrowsAsync<ConnectorException>(() => Writer.EachAsync("s", batch, _ => Task.FromResult<ConnectorFailure?>(Failure(FailureKind.Config, "KEY"))));

        Assert.Equal(2, calls);
        Assert.Equal([null, "DOWN", "DOWN"], outcomes.Select(o => o.Failure?.Code));
        Assert.Equal("KEY", ex.Failure.Code);
    }

    [Fact]
    public async Task What_counts_as_about_the_message_is_the_connectors_choice()
    {
        var writer = new OneByOneWriter("The probe", NullLogger<ExampleConnector>.Instance) { IsAboutTheMessage = f => f.Code == "NOT-YET" };

        var outcomes = await writer.EachAsync("s", [ExampleRig.Entry(1), ExampleRig.Entry(2)], m => Task.FromResult(m.MessageId == 1 ? Failure(FailureKind.Transient, "NOT-YET") : null));

        Assert.Equal(["NOT-YET", null], outcomes.Select(o => o.Failure?.Code));
    }
}
