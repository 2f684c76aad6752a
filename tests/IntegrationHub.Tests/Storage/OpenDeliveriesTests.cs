using IntegrationHub.Contracts;
using IntegrationHub.Host.Storage;
using IntegrationHub.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace IntegrationHub.Tests.Storage;

/// <summary>Open deliveries kept apart from history (migration 0030): the claim finds due retries however many retries are
/// not yet due ahead of them, and the dead-letters listing pages through every dead letter with a capped count.</summary>
[Collection(PostgresCollection.Name)]
public sealed class OpenDeliveriesTests(PostgresCluster cluster)
{
    private const string Flow = "procedures";
    private const string Destination = "igate:procedures";
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_claim_takes_fresh_deliveries_and_due_retries_in_message_order_and_never_a_retry_not_yet_due()
    {
        await using var db = await MigratedAsync();
        var deliveries = new DeliveryStore(db);
        await new MessageStore(db, TestPersonalData.Payloads()).AppendAsync(Flow, 1, Records("R", 10), [Destination], null, Now, default);
        var first = await deliveries.ClaimBatchAsync(Flow, Destination, 10, Now, default);
        Assert.Equal(10, first.Count);
        // R0..R5 fail: R2 and R4 retry in a minute, the others tomorrow. R6..R9 are not attempted yet.
        var results = first.Take(6).Select(p => new DeliveryResult(p.MessageId, DeliveryStatus.Pending, p.Attempts + 1,
            p.RecordKey is "R-2" or "R-4" ? Now.AddMinutes(1) : Now.AddDays(1), "NETWORK", "refused", "attempt_failed", 1)).ToList();
        await deliveries.RecordAsync(Flow, Destination, results, holdBehindDeadLetter: true, Now, default);
        Assert.Empty(await OpenDeliveriesRecount.MismatchesAsync(db));

        Assert.Equal(["R-6", "R-7", "R-8"], (await deliveries.ClaimBatchAsync(Flow, Destination, 3, Now, default)).Select(p => p.RecordKey));
        var later = Now.AddMinutes(2);
        Assert.Equal(["R-2", "R-4", "R-6"], (await deliveries.ClaimBatchAsync(Flow, Destination, 3, later, default)).Select(p => p.RecordKey));
        var retried = await deliveries.ClaimBatchAsync(Flow, Destination, 100, later, default);
        Assert.Equal(["R-2", "R-4", "R-6", "R-7", "R-8", "R-9"], retried.Select(p => p.RecordKey));
        Assert.Equal([1, 1, 0, 0, 0, 0], retried.Select(p => p.Attempts));
        Assert.True(await deliveries.HasDuePendingAsync(Flow, Destination, later, default));
        Assert.Equal(10, (await deliveries.ClaimBatchAsync(Flow, Destination, 100, Now.AddDays(2), default)).Count);

        // Delivered, they leave the open deliveries; only the retries due tomorrow are left, and nothing is due before.
        await deliveries.RecordAsync(Flow, Destination,
            [.. retried.Select(p => new DeliveryResult(p.MessageId, DeliveryStatus.Delivered, p.Attempts + 1, null, null, null, "delivered", 1))], true, later, default);
        Assert.Empty(await deliveries.ClaimBatchAsync(Flow, Destination, 100, later, default));
        Assert.False(await deliveries.HasDuePendingAsync(Flow, Destination, later, default));
        Assert.Empty(await deliveries.DuePendingPairsAsync(later, default));
        Assert.Equal((Flow, Destination), Assert.Single(await deliveries.PendingPairsAsync(default)));
        Assert.Equal(4L, await ScalarAsync(db, "select count(*) from hub.open_deliveries"));
        Assert.Empty(await OpenDeliveriesRecount.MismatchesAsync(db));
    }

    [Fact]
    public async Task The_dead_letters_listing_pages_through_every_dead_letter_in_order_and_counts_up_to_its_cap()
    {
        await using var db = await MigratedAsync();
        var deliveries = new DeliveryStore(db);
        string[] destinations = [Destination, "igate:dossiers"];
        await new MessageStore(db, TestPersonalData.Payloads()).AppendAsync(Flow, 1, Records("D", 130), destinations, null, Now, default);
        foreach (var destination in destinations)
        {
            var batch = await deliveries.ClaimBatchAsync(Flow, destination, 1000, Now, default);
            await deliveries.RecordAsync(Flow, destination, [.. batch.Select(p => new DeliveryResult(p.MessageId, DeliveryStatus.Dead, 1, null,
                p.RecordKey.EndsWith('7') ? "IGATE-422" : "IGATE-500", "refused", "dead_lettered", 1))], true, Now, default);
        }

        // A newer version of D-1 waits behind its dead letter on both destinations.
        await new MessageStore(db, TestPersonalData.Payloads()).AppendAsync(Flow, 2, [new SourceRecord("D-1", "{\"n\":2}", Version: "2")], destinations, null, Now, default);
        var store = new DeadLetterStore(db);
        var seen = new List<(long, string)>();
        (long, string)? after = null;
        var pages = 0;
        do
        {
            var page = await store.PageAsync(new DeadLetterSelection(), after, 100, 200, default);
            Assert.Equal(200, page.Count);
            Assert.True(page.CountCapped);
            Assert.True(page.Items.Count is > 0 and <= 100);
            seen.AddRange(page.Items.Select(i => (i.MessageId, i.Destination)));
            Assert.Equal(page.Items.Count == 100 && seen.Count < 260, page.Next is not null);
            after = page.Next;
            pages++;
        }
        while (after is not null);

        Assert.Equal(3, pages);
        Assert.Equal(260, seen.Count);
        Assert.Equal(seen.OrderBy(s => s.Item1).ThenBy(s => s.Item2, StringComparer.Ordinal), seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());

        var all = await store.PageAsync(new DeadLetterSelection(), null, 300, 1000, default);
        Assert.Equal((260, false), (all.Count, all.CountCapped));
        Assert.All(all.Items, i => Assert.Equal(i.RecordKey == "D-1" ? 1 : 0, i.WaitingBehind));
        var coded = await store.PageAsync(new DeadLetterSelection(ErrorCode: "IGATE-422", Destination: "igate:dossiers"), null, 100, 1000, default);
        Assert.Equal(13, coded.Count);
        Assert.All(coded.Items, i => Assert.Equal(("IGATE-422", "igate:dossiers"), (i.ErrorCode, i.Destination)));
        var byKey = await store.PageAsync(new DeadLetterSelection(BusinessKey: "D-17"), null, 100, 1000, default);
        Assert.Equal(["igate:dossiers", Destination], byKey.Items.Select(i => i.Destination));
        // The same rows as the API's listing (which orders by message only).
        Assert.Equal(
            (await store.FindAsync(new DeadLetterSelection(FlowId: Flow), 1000, default)).Items
                .Select(i => (i.MessageId, i.Destination, i.ErrorCode, i.WaitingBehind)).OrderBy(i => i.MessageId).ThenBy(i => i.Destination, StringComparer.Ordinal),
            all.Items.Select(i => (i.MessageId, i.Destination, i.ErrorCode, i.WaitingBehind)));

        // Discarded, they leave the listing (and the open deliveries); the waiting version moves up.
        await store.DiscardAsync(new DeadLetterSelection(BusinessKey: "D-1"), "tester", "obsolete", Now, default);
        Assert.Equal(258, (await store.PageAsync(new DeadLetterSelection(), null, 100, 1000, default)).Count);
        Assert.Empty(await OpenDeliveriesRecount.MismatchesAsync(db));
        Assert.Equal(2, (await deliveries.ClaimBatchAsync(Flow, Destination, 10, Now, default)).Count
            + (await deliveries.ClaimBatchAsync(Flow, "igate:dossiers", 10, Now, default)).Count);
    }

    private async Task<NpgsqlDataSource> MigratedAsync()
    {
        var db = NpgsqlDataSource.Create(await cluster.CreateDatabaseAsync());
        await new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance).MigrateAsync(default);
        return db;
    }

    private static List<SourceRecord> Records(string prefix, int count) =>
        [.. Enumerable.Range(0, count).Select(i => new SourceRecord($"{prefix}-{i}", $"{{\"n\":{i}}}", Version: "1"))];

    private static async Task<long> ScalarAsync(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
