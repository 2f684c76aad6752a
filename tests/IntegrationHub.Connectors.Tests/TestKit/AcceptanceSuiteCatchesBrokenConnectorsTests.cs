using IntegrationHub.Connectors.Example;
using IntegrationHub.Connectors.Example.Tests;
using IntegrationHub.Connectors.TestKit;
using Xunit;
using Xunit.Sdk;

namespace IntegrationHub.Connectors.Tests.TestKit;

/// <summary>The acceptance suite proves something only if a broken connector fails it: each breakage is caught by the
/// check made for it, and passes the others (so the failure points at the cause).</summary>
public sealed class AcceptanceSuiteCatchesBrokenConnectorsTests
{
    [Fact]
    public async Task A_connector_that_drops_its_checkpoint_fails_the_resume_check()
    {
        var checks = new ConnectorAcceptanceChecks(ExampleAcceptanceTests.ProfileFor(new BrokenExampleModule<CheckpointDroppingConnector>()));

        var failure = await Assert.ThrowsAnyAsync<XunitException>(checks.ReadResumesFromACheckpointWithExactlyTheRestAsync);

        Assert.Contains("Assert.Equal() Failure", failure.Message, StringComparison.Ordinal);
        await checks.SameBatchWrittenTwiceIsAppliedOnceAsync();
    }

    [Fact]
    public async Task A_connector_that_ignores_the_idempotency_key_fails_the_write_twice_check()
    {
        var checks = new ConnectorAcceptanceChecks(ExampleAcceptanceTests.ProfileFor(new BrokenExampleModule<KeyIgnoringConnector>()));

        var failure = await Assert.ThrowsAnyAsync<XunitException>(checks.SameBatchWrittenTwiceIsAppliedOnceAsync);

        Assert.Contains("Assert.Equal() Failure", failure.Message, StringComparison.Ordinal);
        await checks.ReadResumesFromACheckpointWithExactlyTheRestAsync();
    }

    [Fact]
    public async Task A_connector_with_streams_fails_the_spec_check_when_its_profile_says_it_serves_none()
    {
        var checks = new ConnectorAcceptanceChecks(ExampleAcceptanceTests.ProfileFor(new ExampleModule()) with { ServesNoStreams = true });

        var failure = await Assert.ThrowsAnyAsync<XunitException>(checks.SpecIsConsistentWithTheStreamsItServesAsync);

        Assert.Contains("Assert.Empty() Failure", failure.Message, StringComparison.Ordinal);
    }
}
