using IntegrationHub.Contracts;
using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Storage;
using IntegrationHub.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IntegrationHub.Tests.Storage;

/// <summary>Bounded history (migration 0019, <see cref="HistoryRetentionJob"/>): monthly partitions, months past
/// retention archived (verified) and dropped, open dead letters kept until resolved, archives read back and checked.</summary>
[Collection(PostgresCollection.Name)]
public sealed class HistoryRetentionTests(PostgresCluster cluster) : IDisposable
{
    private const string Flow = "dossiers";
    private const string Destination = "national-portal:dossiers";
    private readonly string _folder = Directory.CreateTempSubdirectory("hub-archive-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task This_and_next_months_partitions_exist_and_new_messages_land_in_this_months()
    {
        await using var db = await MigratedAsync();
        var clock = new ShiftedClock();
        var partitions = new HistoryPartitionStore(db);
        clock.Advance(TimeSpan.FromDays(65));
        var current = await partitions.AdvanceAsync(clock.GetUtcNow(), default);

        var month = clock.GetUtcNow().UtcDateTime;
        Assert.Equal($"p{month:yyyy_MM}", current);
        var next = month.AddMonths(1);
        var names = (await partitions.ListAsync(default)).Select(p => p.Name).ToList();
        Assert.Contains($"p{next:yyyy_MM}", names);
        foreach (var table in new[] { "messages", "deliveries", "message_log" })
        {
            Assert.Equal("p", await ScalarAsync<string>(db, $"select relkind::text from pg_class where oid = 'hub.{table}'::regclass"));
            Assert.Equal(1L, await ScalarAsync<long>(db, $"select count(*) from pg_class where oid = to_regclass('hub.{table}_p{next:yyyy_MM}')"));
        }

        await new MessageStore(db, TestPersonalData.Payloads()).AppendAsync(Flow, 1, Records("NEW", 3), [Destination], null, clock.GetUtcNow(), default);
        Assert.Equal($"messages_{current}", await ScalarAsync<string>(db, "select distinct c.relname::text from hub.messages t join pg_class c on c.oid = t.tableoid"));
        Assert.Equal($"deliveries_{current}", await ScalarAsync<string>(db, "select distinct c.relname::text from hub.deliveries t join pg_class c on c.oid = t.tableoid"));
        Assert.Equal($"message_log_{current}", await ScalarAsync<string>(db, "select distinct c.relname::text from hub.message_log t join pg_class c on c.oid = t.tableoid"));
    }

    [Fact]
    public async Task A_month_past_retention_is_archived_then_dropped_and_its_open_dead_letter_stays_until_discarded()
    {
        await using var db = await MigratedAsync();
        var clock = new ShiftedClock();
        var job = Job(db, clock);
        var month = await new HistoryPartitionStore(db).AdvanceAsync(clock.GetUtcNow(), default);
        await new MessageStore(db, TestPersonalData.Payloads()).AppendAsync(Flow, 1, Records("HS", 10), [Destination], null, clock.GetUtcNow(), default);
        var deadId = await DeliverAllAsync(db, clock.GetUtcNow(), deadKey: "HS-3");

        Assert.Empty(await job.RunAsync(default));
        clock.Advance(TimeSpan.FromDays(35));
        Assert.Empty(await job.RunAsync(default)); // the month is closed now, but not past retention
        Assert.Equal(10, await ScalarAsync<long>(db, $"select count(*) from hub.messages_{month}"));

        clock.Advance(TimeSpan.FromDays(401));
        var first = Assert.Single(await job.RunAsync(default), m => m.Partition == month);
        Assert.Equal((9L, 9L, 18L), (first.Messages, first.Deliveries, first.Steps));
        Assert.Empty(await new HistoryArchive(_folder).VerifyAsync(first, default));
        // Only the open dead letter is left, with its delivery and log; the counters still equal a recount.
        Assert.Equal(deadId, await ScalarAsync<long>(db, $"select id from hub.messages_{month}"));
        Assert.Equal(1L, await ScalarAsync<long>(db, $"select count(*) from hub.deliveries_{month} where status = 'dead'"));
        Assert.Empty(await CounterRecount.MismatchesAsync(db));
        Assert.Empty(await OpenDeliveriesRecount.MismatchesAsync(db));

        await new DeadLetterStore(db).DiscardAsync(new DeadLetterSelection(FlowId: Flow), "tester", "obsolete", clock.GetUtcNow(), default);
        var second = Assert.Single(await job.RunAsync(default), m => m.Partition == month);
        Assert.Equal((2, 1L), (second.Generation, second.Messages));
        Assert.Null(await ScalarAsync<string>(db, $"select to_regclass('hub.messages_{month}')::text"));
        Assert.Null(await ScalarAsync<string>(db, $"select to_regclass('hub.deliveries_{month}')::text"));
        Assert.Empty(await CounterRecount.MismatchesAsync(db));
        Assert.Empty(await OpenDeliveriesRecount.MismatchesAsync(db));

        // Read back: every message of a key, from whichever archive holds it, with its deliveries and steps.
        var archive = new HistoryArchive(_folder);
        Assert.All((await archive.VerifyAllAsync(default)).Values, Assert.Empty);
        var (dead, problems) = await archive.FindAsync("HS-3", 10, default);
        Assert.Empty(problems);
        var message = Assert.Single(dead);
        Assert.True(message.Archived);
        Assert.Equal(deadId, message.MessageId);
        Assert.Equal(["received", "dead_lettered", "discarded"], message.Steps.Select(s => s.Event));
        Assert.Equal("discarded", Assert.Single(message.Deliveries).Status);
        Assert.Equal("{\"n\": 5}", Assert.Single((await archive.FindAsync("HS-5", 10, default)).Messages).Payload);
    }

    [Fact]
    public async Task A_corrupted_archive_is_reported_and_not_read()
    {
        await using var db = await MigratedAsync();
        var clock = new ShiftedClock();
        var month = await new HistoryPartitionStore(db).AdvanceAsync(clock.GetUtcNow(), default);
        await new MessageStore(db, TestPersonalData.Payloads()).AppendAsync(Flow, 1, Records("HS", 5), [Destination], null, clock.GetUtcNow(), default);
        await DeliverAllAsync(db, clock.GetUtcNow(), deadKey: null);
        clock.Advance(TimeSpan.FromDays(35));
        await Job(db, clock).RunAsync(default);
        clock.Advance(TimeSpan.FromDays(401));
        var manifest = Assert.Single(await Job(db, clock).RunAsync(default), m => m.Partition == month);

        var path = Path.Combine(_folder, manifest.Files[0].Name);
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[bytes.Length / 2] ^= 0xFF;
        await File.WriteAllBytesAsync(path, bytes);

        var archive = new HistoryArchive(_folder);
        var problem = Assert.Single(await archive.VerifyAsync(manifest, default));
        Assert.Contains($"{manifest.Archive}: {manifest.Files[0].Name} has SHA-256", problem);
        Assert.NotEmpty((await archive.VerifyAllAsync(default))[manifest.Archive]);
        var (found, problems) = await archive.FindAsync("HS-1", 10, default);
        Assert.Empty(found);
        Assert.Contains(problems, p => p.StartsWith(manifest.Archive, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_archive_written_again_after_a_failed_drop_replaces_the_first_and_the_drop_then_succeeds()
    {
        await using var db = await MigratedAsync();
        var clock = new ShiftedClock();
        var partitions = new HistoryPartitionStore(db);
        var month = await partitions.AdvanceAsync(clock.GetUtcNow(), default);
        await new MessageStore(db, TestPersonalData.Payloads()).AppendAsync(Flow, 1, Records("HS", 4), [Destination], null, clock.GetUtcNow(), default);
        await DeliverAllAsync(db, clock.GetUtcNow(), deadKey: null);
        clock.Advance(TimeSpan.FromDays(35));
        await partitions.AdvanceAsync(clock.GetUtcNow(), default);
        var partition = (await partitions.ListAsync(default)).Single(p => p.Name == month);
        var archive = new HistoryArchive(_folder);

        // The first attempt archived, then died before its drop; the retry archives again and drops.
        await archive.WriteAsync(partition, partitions.ReadFinishedAsync(partition, default), clock.GetUtcNow(), default);
        var retried = await archive.WriteAsync(partition, partitions.ReadFinishedAsync(partition, default), clock.GetUtcNow(), default);
        Assert.True(await partitions.RemoveArchivedAsync(partition, retried, clock.GetUtcNow(), default));

        Assert.Single(Directory.GetFiles(_folder, $"{month}-1.*.jsonl.gz"));
        Assert.Empty(Directory.GetFiles(_folder, ".*"));
        var manifest = Assert.Single(archive.Manifests());
        Assert.Equal(4, manifest.Messages);
        Assert.Empty(await archive.VerifyAsync(manifest, default));
        Assert.DoesNotContain(month, (await partitions.ListAsync(default)).Select(p => p.Name));
    }

    [Fact]
    public async Task Upgrading_a_hub_with_history_keeps_its_rows_in_a_legacy_partition_and_its_counts()
    {
        await using var db = NpgsqlDataSource.Create(await cluster.CreateDatabaseAsync());
        var migrator = new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance);
        await migrator.MigrateAsync(18, default);
        // Today's append looks open deliveries up in hub.open_deliveries (0030); the version before read hub.deliveries
        // itself, which this view stands in for until the upgrade below.
        await ScalarAsync<object>(db, "create view hub.open_deliveries as select * from hub.deliveries where status in ('pending', 'waiting', 'dead')");
        // Today's append also notes a backfill's position (0033), in a column the version before did not write.
        await ScalarAsync<object>(db, "alter table hub.flow_runs add column backfill_position text");
        // And the evidence facts of its log lines (0039), and its payload's plaintext hash (0045).
        await ScalarAsync<object>(db, "alter table hub.message_log add column facts jsonb");
        await ScalarAsync<object>(db, "alter table hub.messages add column payload_sha256 bytea");
        var now = DateTimeOffset.UtcNow;
        await new MessageStore(db, TestPersonalData.Payloads()).AppendAsync(Flow, 1, Records("OLD", 20), [Destination], null, now.AddDays(-3), default);
        // Delivered as the version before did it (today's DeliveryStore reads tables of later migrations): OLD-7 refused.
        await ScalarAsync<object>(db,
            """
            update hub.deliveries set status = case when record_key = 'OLD-7' then 'dead' else 'delivered' end, attempts = 1,
                last_error_code = case when record_key = 'OLD-7' then 'REFUSED' end, updated_at = now() - interval '3 days'
            """);
        var deadId = await ScalarAsync<long>(db, "select message_id from hub.deliveries where record_key = 'OLD-7'");
        await new MessageStore(db, TestPersonalData.Payloads()).AppendAsync(Flow, 2, Records("PENDING", 5), [Destination], null, now.AddDays(-1), default);
        var before = await CounterRecount.CountsAsync(db, Flow);
        var rows = await ScalarAsync<string>(db, "select string_agg(id || ':' || business_key, ',' order by id) from hub.messages");
        await ScalarAsync<object>(db, "drop view hub.open_deliveries");
        await ScalarAsync<object>(db, "alter table hub.flow_runs drop column backfill_position");
        await ScalarAsync<object>(db, "alter table hub.message_log drop column facts");
        await ScalarAsync<object>(db, "alter table hub.messages drop column payload_sha256");

        await migrator.MigrateAsync(default);

        Assert.Equal("p", await ScalarAsync<string>(db, "select relkind::text from pg_class where oid = 'hub.messages'::regclass"));
        Assert.Equal(rows, await ScalarAsync<string>(db, "select string_agg(id || ':' || business_key, ',' order by id) from hub.messages_legacy"));
        Assert.Equal(before, await new DeliveryStore(db).CountsAsync(Flow, default));
        Assert.Empty(await CounterRecount.MismatchesAsync(db));
        Assert.Empty(await OpenDeliveriesRecount.MismatchesAsync(db));
        // The old pending deliveries are still claimed in order, new messages land in this month's partition, after them.
        var pending = await new DeliveryStore(db).ClaimBatchAsync(Flow, Destination, 100, now, default);
        Assert.Equal(5, pending.Count);
        await new MessageStore(db, TestPersonalData.Payloads()).AppendAsync(Flow, 3, Records("NEW", 2), [Destination], null, now, default);
        Assert.Equal(2L, await ScalarAsync<long>(db, $"select count(*) from hub.messages_p{now.UtcDateTime:yyyy_MM}"));
        Assert.True(await ScalarAsync<long>(db, "select min(id) from hub.messages where business_key like 'NEW%'") > pending.Max(p => p.MessageId));
        Assert.Empty(await CounterRecount.MismatchesAsync(db));
        Assert.Empty(await OpenDeliveriesRecount.MismatchesAsync(db));
        // The foreign key still holds, in the legacy partition and in the month's.
        foreach (var missing in new[] { 0L, await ScalarAsync<long>(db, "select max(id) + 1000 from hub.messages") })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync<long>(db,
                $"insert into hub.deliveries (message_id, destination, flow_id, record_key, status, updated_at) values ({missing}, 'x', 'f', 'k', 'pending', now()) returning 1"));
            Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, refused.SqlState);
        }

        Assert.Equal(deadId, await ScalarAsync<long>(db, "select message_id from hub.deliveries where status = 'dead'"));
    }

    private HistoryRetentionJob Job(NpgsqlDataSource db, TimeProvider clock) => RetentionJob(db, clock, _folder);

    /// <summary>The hub's retention job over <paramref name="folder"/>: messages kept 400 days, audits 1826; with
    /// <paramref name="signer"/>, a head is signed before links are archived, as the hub does.</summary>
    internal static HistoryRetentionJob RetentionJob(NpgsqlDataSource db, TimeProvider clock, string folder, Host.Evidence.EvidenceHeadSigner? signer = null)
    {
        var archive = new HistoryArchive(folder);
        return new(new HistoryPartitionStore(db), archive,
            new InboxRetention(new InboxPartitionStore(db), archive, NullLogger<InboxRetention>.Instance),
            new AuditRetention(db, archive, NullLogger<AuditRetention>.Instance),
            new Host.Evidence.EvidenceRetirement(db, new Host.Evidence.EvidenceArchive(Path.Combine(folder, Host.Evidence.EvidenceArchive.Folder)), signer), clock,
            Options.Create(new HubOptions { Retention = { Messages = TimeSpan.FromDays(400), Audits = TimeSpan.FromDays(1826), ArchiveFolder = folder } }),
            NullLogger<HistoryRetentionJob>.Instance);
    }

    private async Task<NpgsqlDataSource> MigratedAsync()
    {
        var db = NpgsqlDataSource.Create(await cluster.CreateDatabaseAsync());
        await new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance).MigrateAsync(default);
        return db;
    }

    private static List<SourceRecord> Records(string prefix, int count) =>
        [.. Enumerable.Range(0, count).Select(i => new SourceRecord($"{prefix}-{i}", $"{{\"n\":{i}}}", Version: "1"))];

    /// <summary>Delivers every pending message, the one of <paramref name="deadKey"/> refused (a dead letter); returns its id.</summary>
    private static async Task<long> DeliverAllAsync(NpgsqlDataSource db, DateTimeOffset now, string? deadKey)
    {
        var deliveries = new DeliveryStore(db);
        var batch = await deliveries.ClaimBatchAsync(Flow, Destination, 1000, now, default);
        var results = batch.Select(p => p.RecordKey == deadKey
            ? new DeliveryResult(p.MessageId, DeliveryStatus.Dead, p.Attempts + 1, null, "REFUSED", "refused", "dead_lettered", 1)
            : new DeliveryResult(p.MessageId, DeliveryStatus.Delivered, p.Attempts + 1, null, null, null, "delivered", 1)).ToList();
        await deliveries.RecordAsync(Flow, Destination, results, holdBehindDeadLetter: false, now, default);
        return batch.FirstOrDefault(p => p.RecordKey == deadKey)?.MessageId ?? 0;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull or null ? default! : (T)value;
    }
}
