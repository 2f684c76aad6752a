using IntegrationHub.Contracts;
using IntegrationHub.Host.Storage;
using IntegrationHub.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace IntegrationHub.Tests.Storage;

/// <summary>A deployed hub upgraded to counters (migrations 0014, 0015) starts them from the rows it already has: counts
/// from its messages and deliveries, the charts' last days from its message log.</summary>
[Collection(PostgresCollection.Name)]
public sealed class FlowCountersMigrationTests(PostgresCluster cluster)
{
    private const string Flow = "dossiers";
    private const string Destination = "national-portal:dossiers";

    [Fact]
    public async Task Upgrading_a_hub_with_history_starts_its_counts_from_its_rows_and_its_charts_from_its_message_log()
    {
        await using var db = NpgsqlDataSource.Create(await cluster.CreateDatabaseAsync());
        var migrator = new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance);
        await migrator.MigrateAsync(default);
        await ExecuteAsync(db,
            """
            -- As a hub before the upgrade: no counters, nothing keeping them.
            drop function hub.count_messages, hub.count_deliveries, hub.forget_counts, hub.note_received, hub.note_delivery_activity cascade;
            drop function hub.delivery_count_state, hub.counter_shard;
            drop table hub.flow_counters, hub.flow_activity;
            delete from hub.schema_migrations where version in (14, 15);
            """);

        // Its history: a month-old day of traffic, and the last hours' (received, delivered, skipped, failing, dead, waiting).
        var now = DateTimeOffset.UtcNow;
        var monthAgo = now.AddDays(-30);
        var recent = now.AddHours(-2);
        var messages = new MessageStore(db, TestPersonalData.Payloads());
        var deliveries = new DeliveryStore(db);
        await messages.AppendAsync(Flow, 1, Records("OLD", 20, 1), [Destination], null, monthAgo, default);
        await DeliverAllAsync(deliveries, monthAgo, _ => DeliveryStatus.Delivered);
        await messages.AppendAsync(Flow, 2, [.. Records("NEW", 10, 1), new SourceRecord("BAD", "{}", Version: "1") { Problem = "unreadable" }], [Destination], null, recent, default);
        await DeliverAllAsync(deliveries, recent, p => (p.MessageId % 5) switch
        {
            0 => DeliveryStatus.Skipped,
            1 => DeliveryStatus.Pending,
            2 => DeliveryStatus.Dead,
            _ => DeliveryStatus.Delivered,
        });
        await messages.AppendAsync(Flow, 3, Records("NEW", 10, 2), [Destination], null, recent, default);
        var before = await CounterRecount.CountsAsync(db, Flow);
        Assert.True(before is { Failed: > 0, Waiting: > 0, DeadLettered: > 1, Skipped: > 0 }, $"a varied history: {before}");

        await migrator.MigrateAsync(default);

        Assert.Empty(await CounterRecount.MismatchesAsync(db));
        Assert.Equal(before, await deliveries.CountsAsync(Flow, default));
        var week = await new FlowActivityStore(db, TimeProvider.System).ReadAsync([Flow], FlowActivityWindow.Week, default);
        var buckets = Assert.Single(week.Flows).Buckets.Where(b => b != FlowActivityBucket.Empty(b.Hour)).ToList();
        var hour = Assert.Single(buckets);
        Assert.Equal(new DateTimeOffset(recent.Year, recent.Month, recent.Day, recent.Hour, 0, 0, TimeSpan.Zero), hour.Hour);
        Assert.Equal(before.Received - 20, hour.Received);
        Assert.Equal(await StatusCountAsync(db, "delivered", recent), hour.Delivered);
        Assert.Equal(before.Skipped, hour.Skipped);
        Assert.Equal(before.DeadLettered, hour.DeadLettered);
        Assert.Equal(before.Failed + before.DeadLettered - 1, hour.FailedAttempts);

        // From now on the triggers keep them: one more delivery counts on top of the initial counts.
        await DeliverAllAsync(deliveries, now, _ => DeliveryStatus.Delivered);
        Assert.Empty(await CounterRecount.MismatchesAsync(db));
        Assert.Equal(await CounterRecount.CountsAsync(db, Flow), await deliveries.CountsAsync(Flow, default));
    }

    private static List<SourceRecord> Records(string prefix, int count, int version) =>
        Enumerable.Range(0, count).Select(i => new SourceRecord($"{prefix}-{i}", $"{{\"v\":{version}}}", Version: version.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();

    private static async Task DeliverAllAsync(DeliveryStore deliveries, DateTimeOffset now, Func<PendingDelivery, DeliveryStatus> outcome)
    {
        var batch = await deliveries.ClaimBatchAsync(Flow, Destination, 1000, now, default);
        var results = batch.Select(p => outcome(p) switch
        {
            DeliveryStatus.Pending => new DeliveryResult(p.MessageId, DeliveryStatus.Pending, p.Attempts + 1, now.AddDays(1), "HTTP_503", "unavailable", "attempt_failed", 1),
            DeliveryStatus.Dead => new DeliveryResult(p.MessageId, DeliveryStatus.Dead, p.Attempts + 1, null, "REFUSED", "refused", "dead_lettered", 1),
            DeliveryStatus.Skipped => new DeliveryResult(p.MessageId, DeliveryStatus.Skipped, p.Attempts + 1, null, null, null, "skipped", 1, Note: "nothing to do"),
            _ => new DeliveryResult(p.MessageId, DeliveryStatus.Delivered, p.Attempts + 1, null, null, null, "delivered", 1),
        }).ToList();
        await deliveries.RecordAsync(Flow, Destination, results, holdBehindDeadLetter: true, now, default);
    }

    private static async Task<long> StatusCountAsync(NpgsqlDataSource db, string status, DateTimeOffset at)
    {
        await using var command = db.CreateCommand("select count(*) from hub.deliveries where status = @status and updated_at = @at");
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("at", at);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
