using System.Globalization;
using System.Text.Json;
using IntegrationHub.Connectors.Kit;
using IntegrationHub.Connectors.Sandboxing;
using IntegrationHub.Connectors.Example;
using IntegrationHub.Connectors.Example.Sandbox;
using IntegrationHub.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace IntegrationHub.Connectors.Tests.Kit;

/// <summary>The kit's keyset reader over a sandbox's change log, through real HTTP: pages, checkpoints, resuming.</summary>
public sealed class KeysetFeedReaderTests
{
    private static void Record(ExampleRig rig, int from, int to)
    {
        for (var i = from; i <= to; i++)
        {
            rig.Sandbox.Change($"id-{i:D3}", $"value {i}");
        }
    }

    [Fact]
    public async Task A_read_from_no_checkpoint_gets_everything_with_a_checkpoint_after_each_page()
    {
        await using var rig = await ExampleRig.StartAsync();
        Record(rig, 1, 25);

        var items = await ExampleRig.ReadAllAsync(rig.Connector(pageSize: 10));

        Assert.Equal(Enumerable.Range(1, 25).Select(i => $"id-{i:D3}"), items.OfType<SourceRecord>().Select(r => r.Key));
        Assert.Equal(["10", "20", "25"], items.OfType<SourceCheckpoint>().Select(c => c.State));
        Assert.IsType<SourceCheckpoint>(items[^1]);
    }

    [Fact]
    public async Task Resuming_from_a_checkpoint_in_the_middle_reads_exactly_the_rest_and_then_only_what_is_new()
    {
        await using var rig = await ExampleRig.StartAsync();
        Record(rig, 1, 25);
        var first = await ExampleRig.ReadAllAsync(rig.Connector(pageSize: 10));
        var middle = first.OfType<SourceCheckpoint>().First();

        var rest = await ExampleRig.ReadAllAsync(rig.Connector(pageSize: 10), middle);
        Record(rig, 26, 28);
        var next = await ExampleRig.ReadAllAsync(rig.Connector(pageSize: 10), rest.OfType<SourceCheckpoint>().Last());
        var nothing = await ExampleRig.ReadAllAsync(rig.Connector(pageSize: 10), next.OfType<SourceCheckpoint>().Last());

        Assert.Equal(Enumerable.Range(11, 15).Select(i => $"id-{i:D3}"), rest.OfType<SourceRecord>().Select(r => r.Key));
        Assert.Equal(["id-026", "id-027", "id-028"], next.OfType<SourceRecord>().Select(r => r.Key));
        Assert.Empty(nothing);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("{\"seq\":3}")]
    public async Task A_checkpoint_that_is_not_a_sequence_number_is_config_and_quotes_it(string state)
    {
        await using var rig = await ExampleRig.StartAsync();

        var ex = Assert.Throws<ConnectorException>(() => rig.Connector().ReadAsync(ExampleConnector.RecordsStream, new SourceCheckpoint(state), CancellationToken.None));

        Assert.Equal((FailureKind.Config, "EXAMPLE-CHECKPOINT"), (ex.Failure.Kind, ex.Failure.Code));
        Assert.Contains($"'{state}'", ex.Failure.Message, StringComparison.Ordinal);
        Assert.Contains("example:records", ex.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_that_promises_more_but_holds_nothing_is_transient_malformed()
    {
        await using var server = new SandboxServer();
        var address = await server.StartAsync(0, new SandboxFaultInjector(new SandboxFaultOptions()), app =>
            app.MapGet("/api/records", () => Results.Json(new ExampleWire.Page([], HasMore: true), JsonSerializerOptions.Web)), CancellationToken.None);
        using var http = new HttpClient();
        using var connector = new ExampleConnector(new ExampleOptions { BaseUrl = address.ToString(), ApiKey = "k" }, http, Microsoft.Extensions.Logging.Abstractions.NullLogger<ExampleConnector>.Instance);

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => ExampleRig.ReadAllAsync(connector));

        Assert.Equal((FailureKind.Transient, "EXAMPLE-MALFORMED"), (ex.Failure.Kind, ex.Failure.Code));
    }

    [Fact]
    public async Task Cancellation_between_pages_stops_the_read_after_the_page_checkpoint()
    {
        await using var rig = await ExampleRig.StartAsync();
        Record(rig, 1, 30);
        using var cts = new CancellationTokenSource();
        var records = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in rig.Connector(pageSize: 10).ReadAsync(ExampleConnector.RecordsStream, null, cts.Token))
            {
                records += item is SourceRecord ? 1 : 0;
                if (item is SourceCheckpoint)
                {
                    await cts.CancelAsync();
                }
            }
        });

        Assert.Equal(10, records);
    }

    [Fact]
    public void Cursors_round_trip_through_their_checkpoints()
    {
        var sequence = new SequenceCursor(42);
        var timestamp = new TimestampCursor("2026-11-28T08:30:00.1234567+07:00", "HS-1");

        var backSequence = SequenceCursor.From(sequence.ToCheckpoint(), ExampleConnector.Example, "changes");
        var backTimestamp = TimestampCursor.From(timestamp.ToCheckpoint(), ExampleConnector.Example, "changes");

        Assert.Equal("42", sequence.ToCheckpoint().State);
        Assert.Equal(sequence, backSequence);
        Assert.Equal("{\"since\":\"2026-11-28T08:30:00.1234567+07:00\",\"afterId\":\"HS-1\"}", timestamp.ToCheckpoint().State);
        Assert.Equal(timestamp, backTimestamp);
        Assert.Equal("2026-11-28T01:30:00.1234567Z", timestamp.SinceUtc);
        Assert.Null(SequenceCursor.From(null, ExampleConnector.Example, "changes"));
        Assert.Equal(TimeSpan.FromHours(7), TimestampCursor.Parse(timestamp.Since)!.Value.Offset);
        Assert.Null(TimestampCursor.Parse(DateTime.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }
}
