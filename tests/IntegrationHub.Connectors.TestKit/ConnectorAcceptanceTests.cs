using IntegrationHub.Contracts;
using Xunit;

namespace IntegrationHub.Connectors.TestKit;

/// <summary>
/// The connector acceptance suite as tests: derive from it in the connector's test folder, give the
/// <see cref="Profile"/>, and the connector is tested against its sandbox like every other one. A connector without a
/// source (or destination) stream passes the source (or destination) checks only by declaring none.
/// </summary>
public abstract class ConnectorAcceptanceTests
{
    protected abstract ConnectorAcceptanceProfile Profile { get; }

    private ConnectorAcceptanceChecks Checks => new(Profile);

    [Fact]
    public Task Spec_is_consistent_with_the_streams_it_serves() => Checks.SpecIsConsistentWithTheStreamsItServesAsync();

    [Fact]
    public Task Parameters_check_lists_every_bad_option() => Checks.ParametersCheckListsEveryBadOptionAsync();

    [Fact]
    public Task Wrong_credentials_fail_connectivity_as_Config() => Checks.WrongCredentialsFailConnectivityAsConfigAsync();

    [Fact]
    public Task Sandbox_down_fails_connectivity_as_Transient() => Checks.SandboxDownFailsConnectivityAsTransientAsync();

    [Fact]
    public Task Read_resumes_from_a_checkpoint_with_exactly_the_rest() =>
        Profile.Source is null ? DeclaresNoAsync(StreamDirection.Source) : Checks.ReadResumesFromACheckpointWithExactlyTheRestAsync();

    [Fact]
    public Task Same_batch_written_twice_is_applied_once() =>
        Profile.Destination is null ? DeclaresNoAsync(StreamDirection.Destination) : Checks.SameBatchWrittenTwiceIsAppliedOnceAsync();

    [Fact]
    public Task Injected_faults_are_Transient_and_everything_is_applied_in_the_end() =>
        Profile.Destination is null ? DeclaresNoAsync(StreamDirection.Destination) : Checks.InjectedFaultsAreTransientAndEverythingIsAppliedInTheEndAsync();

    [Fact]
    public Task Poison_record_is_Permanent() =>
        Profile.Destination is null ? DeclaresNoAsync(StreamDirection.Destination) : Checks.PoisonRecordIsPermanentAsync();

    private async Task DeclaresNoAsync(StreamDirection direction)
    {
        await using var rig = await AcceptanceRig.StartAsync(Profile);
        Assert.DoesNotContain(rig.Connector().Spec.Streams, s => s.Direction.HasFlag(direction));
    }
}
