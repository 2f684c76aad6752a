using System.Text.Json;
using IntegrationHub.Contracts;
using Xunit;

namespace IntegrationHub.Connectors.Tests.IGate;

/// <summary>iGate's feeds as a time-ordered source, for backfills: the checkpoint at a time reads the changes at or after
/// it (since alone, inclusive), and a checkpoint tells the time it stands at.</summary>
public sealed class IGateTimeOrderedSourceTests
{
    [Theory]
    [InlineData("dossiers", "updatedAt")]
    [InlineData("progress", "recordedAt")]
    public async Task The_checkpoint_at_a_time_reads_the_changes_at_or_after_it(string stream, string timestampField)
    {
        var clock = IGateClock.Fixed();
        await using var rig = await IGateTestRig.StartAsync(timeProvider: clock);
        rig.Sandbox.Dossiers.Generate(30, 0);
        clock.Advance(TimeSpan.FromMinutes(1));
        var cut = clock.GetUtcNow();
        rig.Sandbox.Dossiers.Generate(20, 0);
        clock.Advance(TimeSpan.FromMinutes(1));
        rig.Sandbox.Dossiers.Generate(5, 0);
        var connector = rig.Connector(batchSize: 7);

        var from = connector.CheckpointAt(stream, cut.ToOffset(TimeSpan.FromHours(7)));
        var items = await IGateTestRig.ReadAllAsync(connector, stream, from);

        var records = items.OfType<SourceRecord>().ToList();
        Assert.Equal(25, records.Count);
        Assert.All(records, r => Assert.True(DateTimeOffset.Parse(JsonDocument.Parse(r.Payload).RootElement.GetProperty(timestampField).GetString()!, System.Globalization.CultureInfo.InvariantCulture) >= cut));
        Assert.Equal(cut, connector.TimeOf(stream, from));
        var times = items.OfType<SourceCheckpoint>().Select(c => connector.TimeOf(stream, c)).ToList();
        Assert.Equal(times.Order(), times);
        Assert.Equal(cut.AddMinutes(1), times[^1]);
    }

    [Theory]
    [InlineData("page 3")]
    [InlineData("{\"since\":\"2026-11-28T00:00:00+07:00\"}")]
    [InlineData("{\"since\":\"2026-11-28T00:00:00+07:00\",\"afterId\":\"HS-1\",\"inclusive\":true}")]
    public async Task A_checkpoint_that_is_not_the_feeds_has_no_time(string state)
    {
        await using var rig = await IGateTestRig.StartAsync();
        var connector = rig.Connector();

        var ex = Assert.Throws<ConnectorException>(() => connector.TimeOf("dossiers", new SourceCheckpoint(state)));

        Assert.Equal((FailureKind.Config, "IGATE-CHECKPOINT"), (ex.Failure.Kind, ex.Failure.Code));
    }
}
