using IntegrationHub.Contracts;
using Xunit;

namespace IntegrationHub.Connectors.TestKit;

/// <summary>
/// The acceptance checks every connector passes against its sandbox (after Airbyte's connector acceptance tests): each
/// starts its own sandbox on 127.0.0.1 and throws an xUnit assertion failure when the connector falls short. The suite
/// (<see cref="ConnectorAcceptanceTests"/>) runs them as tests; the suite's own tests run them against connectors
/// broken on purpose, to prove each can fail.
/// </summary>
public sealed class ConnectorAcceptanceChecks(ConnectorAcceptanceProfile profile)
{
    private const string NoSuchStream = "no-such-stream";
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>The spec names the connector and its options; streams are unique, described, keyed, and sources say
    /// what their cursor is; every declared stream is served, an undeclared one is a Config failure. A connector the
    /// profile says serves no stream declares none.</summary>
    public async Task SpecIsConsistentWithTheStreamsItServesAsync()
    {
        await using var rig = await AcceptanceRig.StartAsync(profile);
        var connector = rig.Connector();
        var spec = connector.Spec;
        Assert.Equal(profile.ConnectorId, spec.Id);
        Assert.Equal(rig.OptionsType, spec.OptionsType);
        Assert.False(string.IsNullOrWhiteSpace(spec.Version), "the spec has no version");
        if (profile.ServesNoStreams)
        {
            Assert.Empty(spec.Streams);
            Assert.False(connector is ISourceConnector or IDestinationConnector, "a connector that serves no stream reads or writes one");
            return;
        }

        Assert.NotEmpty(spec.Streams);
        Assert.Equal(spec.Streams.Count, spec.Streams.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count());
        foreach (var stream in spec.Streams)
        {
            Assert.False(string.IsNullOrWhiteSpace(stream.Description), $"stream '{stream.Name}' has no description");
            Assert.True(stream.Key is { Count: > 0 }, $"stream '{stream.Name}' declares no key");
            Assert.True(!stream.Direction.HasFlag(StreamDirection.Source) || !string.IsNullOrWhiteSpace(stream.Cursor), $"source stream '{stream.Name}' declares no cursor");
        }

        foreach (var stream in spec.Streams.Where(s => s.Direction.HasFlag(StreamDirection.Source)))
        {
            var source = Assert.IsAssignableFrom<ISourceConnector>(connector);
            await foreach (var _ in source.ReadAsync(stream.Name, null, None))
            {
                break;
            }
        }

        foreach (var stream in spec.Streams.Where(s => s.Direction.HasFlag(StreamDirection.Destination)))
        {
            var destination = Assert.IsAssignableFrom<IDestinationConnector>(connector);
            Assert.Empty(await destination.WriteAsync(stream.Name, [], None));
        }

        if (connector is ISourceConnector reader)
        {
            await AssertConfigAsync(async () =>
            {
                await foreach (var _ in reader.ReadAsync(NoSuchStream, null, None))
                {
                }
            });
        }

        if (connector is IDestinationConnector writer)
        {
            await AssertConfigAsync(() => writer.WriteAsync(NoSuchStream, [Message(1, "{}")], None));
        }
    }

    /// <summary>The offline check passes with good settings and, with bad ones, lists every bad option, not the first.</summary>
    public async Task ParametersCheckListsEveryBadOptionAsync()
    {
        Assert.True(profile.BadParameters.Count >= 2, "the profile must name at least two bad parameters");
        await using var rig = await AcceptanceRig.StartAsync(profile);
        Assert.True((await rig.Connector().CheckAsync(CheckScope.Parameters, None)).Succeeded, "the parameters check fails with the sandbox's own settings");

        var check = await rig.Connector(profile.BadParameters).CheckAsync(CheckScope.Parameters, None);
        Assert.False(check.Succeeded);
        foreach (var key in profile.BadParameters.Keys)
        {
            var name = key.Split(':')[^1];
            Assert.True(check.Problems.Any(p => p.Contains(name, StringComparison.OrdinalIgnoreCase)), $"no problem names '{name}': {string.Join(" | ", check.Problems)}");
        }
    }

    /// <summary>Connectivity passes against the sandbox and, with credentials it refuses, fails as Config.</summary>
    public async Task WrongCredentialsFailConnectivityAsConfigAsync()
    {
        await using var rig = await AcceptanceRig.StartAsync(profile);
        var good = await rig.Connector().CheckAsync(CheckScope.Connectivity, None);
        Assert.True(good.Succeeded, $"connectivity fails against the sandbox: {string.Join(" | ", good.Problems)}");

        var check = await rig.Connector(profile.WrongCredentials).CheckAsync(CheckScope.Connectivity, None);
        Assert.False(check.Succeeded);
        Assert.Equal(FailureKind.Config, check.Failure?.Kind);
    }

    /// <summary>With the sandbox gone, connectivity fails as Transient (it may pass later), not Config.</summary>
    public async Task SandboxDownFailsConnectivityAsTransientAsync()
    {
        var rig = await AcceptanceRig.StartAsync(profile);
        await using (rig)
        {
            var connector = rig.Connector();
            await rig.Sandbox.DisposeAsync();

            var check = await connector.CheckAsync(CheckScope.Connectivity, None);
            Assert.False(check.Succeeded);
            Assert.Equal(FailureKind.Transient, check.Failure?.Kind);
        }
    }

    /// <summary>Read from no checkpoint: every record once. Resume from a checkpoint in the middle: exactly the records
    /// after it, none lost, none repeated.</summary>
    public async Task ReadResumesFromACheckpointWithExactlyTheRestAsync()
    {
        var source = profile.Source ?? throw new InvalidOperationException("The profile has no source case.");
        await using var rig = await AcceptanceRig.StartAsync(profile);
        var connector = Assert.IsAssignableFrom<ISourceConnector>(rig.Connector());
        var stream = source.Stream;
        var before = await ReadAllAsync(connector, stream, null);
        await source.Seed(rig.Sandbox, source.Records);
        var all = await ReadAllAsync(connector, stream, null);
        var seeded = all.Records.Skip(before.Records.Count).ToList();
        Assert.Equal(source.Records, seeded.Count);
        Assert.Equal(all.Records.Count, all.Records.Select(Identity).Distinct(StringComparer.Ordinal).Count());

        var middle = all.Checkpoints.Where(c => c.RecordsBefore > 0 && c.RecordsBefore < all.Records.Count).ToList();
        Assert.True(middle.Count > 0, $"reading {all.Records.Count} records made no checkpoint between records: give the profile a page size that makes several pages");
        var (checkpoint, done) = middle[middle.Count / 2];

        var rest = await ReadAllAsync(connector, stream, checkpoint);
        Assert.Equal(all.Records.Skip(done).Select(Identity), rest.Records.Select(Identity));
    }

    /// <summary>A batch written twice (a retry after a lost answer) is applied once at the counterparty.</summary>
    public async Task SameBatchWrittenTwiceIsAppliedOnceAsync()
    {
        var (rig, connector, destination) = await DestinationRigAsync();
        await using (rig)
        {
            var batch = Batch(destination, attempt: 1);
            var first = await connector.WriteAsync(destination.Stream, batch, None);
            Assert.All(first, o => Assert.True(o.Delivered, $"message {o.MessageId}: {o.Failure}"));
            var second = await connector.WriteAsync(destination.Stream, Batch(destination, attempt: 2), None);
            Assert.All(second, o => Assert.Null(o.Failure));

            var stats = rig.Controls.Writes.Stats(destination.SandboxStream ?? destination.Stream);
            Assert.Equal(2 * destination.Messages, stats.Received);
            Assert.Equal(destination.Messages, stats.Applied);
        }
    }

    /// <summary>With 30 % of calls failing (server errors and 429s; the sandbox's seed makes the run repeatable), every
    /// failure is Transient, and writing what failed again gets everything applied, once.</summary>
    public async Task InjectedFaultsAreTransientAndEverythingIsAppliedInTheEndAsync()
    {
        var (rig, connector, destination) = await DestinationRigAsync();
        await using (rig)
        {
            // No timeouts: each would hold the check for a client timeout; timeouts are classified by the kit's own tests.
            rig.Controls.Faults.TimeoutWeight = 0;
            rig.Controls.Faults.FailureRate = 0.3;
            var remaining = Batch(destination, attempt: 1);
            for (var attempt = 2; remaining.Count > 0 && attempt <= 60; attempt++)
            {
                var failed = new List<OutboundMessage>();
                foreach (var chunk in remaining.Chunk(4))
                {
                    IReadOnlyList<WriteOutcome> outcomes;
                    try
                    {
                        outcomes = await connector.WriteAsync(destination.Stream, chunk, None);
                    }
                    catch (ConnectorException e)
                    {
                        Assert.True(e.Failure.Kind == FailureKind.Transient, $"a whole batch failed {e.Failure.Kind}: {e.Failure.Message}");
                        failed.AddRange(chunk);
                        continue;
                    }

                    Assert.All(outcomes, o => Assert.True(o.Failure is null || o.Failure.Kind == FailureKind.Transient, $"message {o.MessageId} failed {o.Failure?.Kind}: {o.Failure?.Message}"));
                    var again = outcomes.Where(o => o.Failure is not null).Select(o => o.MessageId).ToHashSet();
                    failed.AddRange(chunk.Where(m => again.Contains(m.MessageId)));
                }

                remaining = [.. failed.Select(m => m with { Attempt = attempt })];
            }

            rig.Controls.Faults.FailureRate = 0;
            Assert.Empty(remaining);
            Assert.True(rig.Controls.FaultCounts().Values.Sum() > 0, "no fault was injected");
            Assert.Equal(destination.Messages, rig.Controls.Writes.Stats(destination.SandboxStream ?? destination.Stream).Applied);
        }
    }

    /// <summary>A record the counterparty refuses for good is Permanent (a dead letter), and the rest of its batch is
    /// delivered.</summary>
    public async Task PoisonRecordIsPermanentAsync()
    {
        var (rig, connector, destination) = await DestinationRigAsync();
        await using (rig)
        {
            var batch = new List<OutboundMessage> { Message(1, destination.Payload(0)), Message(2, destination.PoisonPayload), Message(3, destination.Payload(1)) };
            var outcomes = await connector.WriteAsync(destination.Stream, batch, None);

            Assert.Equal([1L, 2L, 3L], outcomes.Select(o => o.MessageId).Order());
            Assert.Equal(FailureKind.Permanent, Assert.Single(outcomes, o => o.MessageId == 2).Failure?.Kind);
            Assert.All(outcomes.Where(o => o.MessageId != 2), o => Assert.True(o.Delivered, $"message {o.MessageId}: {o.Failure}"));
        }
    }

    private async Task<(AcceptanceRig Rig, IDestinationConnector Connector, DestinationCase Destination)> DestinationRigAsync()
    {
        var destination = profile.Destination ?? throw new InvalidOperationException("The profile has no destination case.");
        var rig = await AcceptanceRig.StartAsync(profile);
        return (rig, Assert.IsAssignableFrom<IDestinationConnector>(rig.Connector()), destination);
    }

    private static List<OutboundMessage> Batch(DestinationCase destination, int attempt) =>
        [.. Enumerable.Range(0, destination.Messages).Select(i => Message(i + 1, destination.Payload(i)) with { Attempt = attempt })];

    private static OutboundMessage Message(long id, string payload) =>
        new(id, $"acceptance:{id}", $"record-{id}", $"record-{id}", payload, 1);

    /// <summary>A record version as the hub tells them apart: its key and version, or, when it has no version, its
    /// payload (which the host then hashes). A versioned payload may differ between reads and still be the same record
    /// (e.g. its attachments stored again under new ids).</summary>
    private static string Identity(SourceRecord record) => $"{record.Key}\n{record.Version ?? record.Payload}";

    private static async Task<ReadResult> ReadAllAsync(ISourceConnector connector, string stream, SourceCheckpoint? from)
    {
        var records = new List<SourceRecord>();
        var checkpoints = new List<(SourceCheckpoint Checkpoint, int RecordsBefore)>();
        await foreach (var item in connector.ReadAsync(stream, from, None))
        {
            switch (item)
            {
                case SourceRecord record:
                    records.Add(record);
                    break;
                case SourceCheckpoint checkpoint:
                    checkpoints.Add((checkpoint, records.Count));
                    break;
            }
        }

        return new ReadResult(records, checkpoints);
    }

    private static async Task AssertConfigAsync(Func<Task> call)
    {
        var failure = await Assert.ThrowsAsync<ConnectorException>(call);
        Assert.Equal(FailureKind.Config, failure.Failure.Kind);
    }

    private sealed record ReadResult(List<SourceRecord> Records, List<(SourceCheckpoint Checkpoint, int RecordsBefore)> Checkpoints);
}
