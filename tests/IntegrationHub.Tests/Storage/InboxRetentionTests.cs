using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IntegrationHub.Host.Inbound;
using IntegrationHub.Host.Storage;
using IntegrationHub.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace IntegrationHub.Tests.Storage;

/// <summary>Bounded inbox (migration 0028): hub.inbox partitioned by month like the history, its replay guard in
/// hub.inbox_keys (a partner's message id answered with its original receipt across months), months past retention
/// archived (verified) and dropped with their keys, messages still to be routed or parked kept until resolved.</summary>
[Collection(PostgresCollection.Name)]
public sealed class InboxRetentionTests(PostgresCluster cluster) : IDisposable
{
    private const string Partner = "dvcqg";
    private const string Type = "danh-gia";
    private readonly string _folder = Directory.CreateTempSubdirectory("hub-archive-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_inbox_is_partitioned_by_month_and_a_push_lands_in_this_months_partition()
    {
        await using var db = await MigratedAsync();
        var clock = new ShiftedClock();
        clock.Advance(TimeSpan.FromDays(65));
        var current = await new HistoryPartitionStore(db).AdvanceAsync(clock.GetUtcNow(), default);

        var next = clock.GetUtcNow().UtcDateTime.AddMonths(1);
        Assert.Equal("p", await ScalarAsync<string>(db, "select relkind::text from pg_class where oid = 'hub.inbox'::regclass"));
        Assert.Equal(1L, await ScalarAsync<long>(db, $"select count(*) from pg_class where oid = to_regclass('hub.inbox_{current}')"));
        Assert.Equal(1L, await ScalarAsync<long>(db, $"select count(*) from pg_class where oid = to_regclass('hub.inbox_p{next:yyyy_MM}')"));
        Assert.Contains(current, (await new InboxPartitionStore(db).ListAsync(default)).Select(p => p.Name));

        var stored = await WriteAsync(db, clock, Push("m-1", "H1"));
        Assert.False(stored.Repeated);
        Assert.Equal($"inbox_{current}", await ScalarAsync<string>(db, "select distinct c.relname::text from hub.inbox t join pg_class c on c.oid = t.tableoid"));
        Assert.Equal(1L, await ScalarAsync<long>(db, "select count(*) from hub.inbox_unrouted"));
    }

    [Fact]
    public async Task A_repeated_message_id_gets_the_original_receipt_across_a_month_boundary_and_stores_nothing()
    {
        await using var db = await MigratedAsync();
        var clock = new ShiftedClock();
        var partitions = new HistoryPartitionStore(db);
        var first = await partitions.AdvanceAsync(clock.GetUtcNow(), default);
        var original = await WriteAsync(db, clock, Push("m-1", "H1"));
        // Two copies in one batch (another nonce each): one is stored, the other is its repeat.
        var batch = await WriteBatchAsync(db, clock, Push("m-2", "H2"), Push("m-2", "H2"));
        Assert.Equal([false, true], batch.Select(r => r.Repeated));
        Assert.Equal(batch[0].Receipt, batch[1].Receipt);

        clock.Advance(TimeSpan.FromDays(35));
        var second = await partitions.AdvanceAsync(clock.GetUtcNow(), default);
        Assert.NotEqual(first, second);
        var repeat = await WriteAsync(db, clock, Push("m-1", "H1"));
        Assert.True(repeat.Repeated);
        Assert.Equal(original.Receipt, repeat.Receipt);
        var conflict = await WriteAsync(db, clock, Push("m-1", "H1", score: 1));
        Assert.Equal("message_id_conflict", conflict.Error?.Code);
        var fresh = await WriteAsync(db, clock, Push("m-3", "H3"));
        Assert.False(fresh.Repeated);

        Assert.Equal(3L, await ScalarAsync<long>(db, "select count(*) from hub.inbox"));
        Assert.Equal(3L, await ScalarAsync<long>(db, "select count(*) from hub.inbox_keys"));
        Assert.Equal($"inbox_{second}", await ScalarAsync<string>(db, "select c.relname::text from hub.inbox t join pg_class c on c.oid = t.tableoid where partner_message_id = 'm-3'"));
        Assert.Equal($"inbox_{first}", await ScalarAsync<string>(db, "select c.relname::text from hub.inbox t join pg_class c on c.oid = t.tableoid where partner_message_id = 'm-1'"));
    }

    [Fact]
    public async Task An_inbox_month_past_retention_is_archived_then_dropped_with_its_keys_and_a_parked_message_stays_until_discarded()
    {
        await using var db = await MigratedAsync();
        var clock = new ShiftedClock();
        var job = HistoryRetentionTests.RetentionJob(db, clock, _folder);
        var month = await new HistoryPartitionStore(db).AdvanceAsync(clock.GetUtcNow(), default);
        var receipts = new List<InboxWriteResult>();
        for (var i = 0; i < 5; i++)
        {
            receipts.Add(await WriteAsync(db, clock, Push($"m-{i}", $"H-{i}")));
        }

        var parkedId = await ScalarAsync<long>(db, "select id from hub.inbox where partner_message_id = 'm-3'");
        await RouteAllAsync(db, parkedId, clock.GetUtcNow());

        clock.Advance(TimeSpan.FromDays(35));
        await job.RunAsync(default);
        Assert.Empty(new HistoryArchive(_folder).Kind(InboxRetention.Folder).Manifests()); // closed, not yet past retention
        clock.Advance(TimeSpan.FromDays(401));
        await job.RunAsync(default);

        var archive = new HistoryArchive(_folder).Kind(InboxRetention.Folder);
        var first = Assert.Single(archive.Manifests(), m => m.Partition == month); // and the empty legacy partition's
        Assert.Equal((month, 1, 4L), (first.Partition, first.Generation, first.Messages));
        Assert.Empty(await archive.VerifyAsync(first, default));
        // The parked message is left, with its key: a repeat of it is still answered with its receipt.
        Assert.Equal(parkedId, await ScalarAsync<long>(db, $"select id from hub.inbox_{month}"));
        Assert.Equal(1L, await ScalarAsync<long>(db, "select count(*) from hub.inbox_keys"));
        var repeat = await WriteAsync(db, clock, Push("m-3", "H-3"));
        Assert.Equal(receipts[3].Receipt, repeat.Receipt);

        await new ParkedInboxStore(db).DiscardAsync(null, "tester", "partner sent it again fixed", clock.GetUtcNow(), default);
        await job.RunAsync(default);
        var second = Assert.Single(archive.Manifests(), m => m.Generation == 2);
        Assert.Equal(1L, second.Messages);
        Assert.Null(await ScalarAsync<string>(db, $"select to_regclass('hub.inbox_{month}')::text"));
        Assert.Equal(0L, await ScalarAsync<long>(db, "select count(*) from hub.inbox_keys"));
        Assert.Equal(0L, await ScalarAsync<long>(db, "select count(*) from hub.inbox_parked"));
        Assert.NotNull(await ScalarAsync<DateTime?>(db, $"select dropped_at from hub.inbox_partitions where name = '{month}'"));

        // Read back from the archive: the message as received, and the parked one's story with the operator's reason.
        Assert.All((await archive.VerifyAllAsync(default)).Values, Assert.Empty);
        var (lines, problems) = await archive.ReadAllAsync(line => InboxArchiveLine.BusinessKey(line) is "H-1" or "H-3", default);
        Assert.Empty(problems);
        Assert.Equal(2, lines.Count);
        using var delivered = JsonDocument.Parse(lines.Single(l => l.Contains("\"H-1\"", StringComparison.Ordinal)));
        Assert.Equal(receipts[1].Receipt!.ReceiptId, delivered.RootElement.GetProperty("receipt_id").GetGuid());
        Assert.Equal(Push("m-1", "H-1").PayloadJson, delivered.RootElement.GetProperty("payload").GetString());
        Assert.Equal(JsonValueKind.Null, delivered.RootElement.GetProperty("parked").ValueKind);
        using var discarded = JsonDocument.Parse(lines.Single(l => l.Contains("\"H-3\"", StringComparison.Ordinal)));
        var parked = discarded.RootElement.GetProperty("parked");
        Assert.Equal(("discarded", "tester", "partner sent it again fixed"),
            (parked.GetProperty("state").GetString(), parked.GetProperty("operator").GetString(), parked.GetProperty("reason").GetString()));

        // Past retention and archived, a partner's message id is new again.
        Assert.False((await WriteAsync(db, clock, Push("m-1", "H-1"))).Repeated);
    }

    [Fact]
    public async Task Upgrading_a_hub_with_inbox_rows_keeps_them_in_a_legacy_partition_with_their_replay_guard()
    {
        await using var db = NpgsqlDataSource.Create(await cluster.CreateDatabaseAsync());
        var migrator = new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance);
        await migrator.MigrateAsync(27, default);
        // Today's write keeps a push's signature (0040) and its plaintext hash (0045), in columns the version before did not have.
        await ScalarAsync<object>(db, "alter table hub.inbox add column signature jsonb, add column payload_canonical_sha256 bytea");
        var clock = new ShiftedClock();
        var old = await WriteBatchAsync(db, clock, Push("old-1", "H1"), Push("old-2", "H2"), Push("old-3", "H3"));
        var parkedId = await ScalarAsync<long>(db, "select id from hub.inbox where partner_message_id = 'old-2'");
        await RouteAllAsync(db, parkedId, clock.GetUtcNow());
        var rows = await ScalarAsync<string>(db, "select string_agg(id || ':' || partner_message_id, ',' order by id) from hub.inbox");
        await ScalarAsync<object>(db, "alter table hub.inbox drop column signature, drop column payload_canonical_sha256");

        await migrator.MigrateAsync(default);

        Assert.Equal("p", await ScalarAsync<string>(db, "select relkind::text from pg_class where oid = 'hub.inbox'::regclass"));
        Assert.Equal(rows, await ScalarAsync<string>(db, "select string_agg(id || ':' || partner_message_id, ',' order by id) from hub.inbox_legacy"));
        Assert.Equal(3L, await ScalarAsync<long>(db, "select count(*) from hub.inbox_keys"));
        Assert.Equal(1, (await new ParkedInboxStore(db).FindAsync(10, default)).Total);
        var repeat = await WriteAsync(db, clock, Push("old-1", "H1"));
        Assert.Equal((true, old[0].Receipt), (repeat.Repeated, repeat.Receipt));
        var fresh = await WriteAsync(db, clock, Push("new-1", "H4"));
        Assert.False(fresh.Repeated);
        var month = $"p{clock.GetUtcNow().UtcDateTime:yyyy_MM}";
        Assert.Equal($"inbox_{month}", await ScalarAsync<string>(db, "select c.relname::text from hub.inbox t join pg_class c on c.oid = t.tableoid where partner_message_id = 'new-1'"));
        Assert.True(await ScalarAsync<long>(db, "select id from hub.inbox where partner_message_id = 'new-1'") > await ScalarAsync<long>(db, "select max(id) from hub.inbox_legacy"));
        // The parked messages' foreign key still holds against the partitioned inbox.
        var refused = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync<long>(db,
            "insert into hub.inbox_parked (inbox_id, source, state, error_code, error, attempts, first_parked_at, parked_at, updated_at) values (-5, 's', 'parked', 'x', 'x', 1, now(), now(), now()) returning 1"));
        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, refused.SqlState);
    }

    /// <summary>What the router does, without a flow: every queued message taken off the queue, the one of
    /// <paramref name="parkedId"/> parked.</summary>
    private static async Task RouteAllAsync(NpgsqlDataSource db, long parkedId, DateTimeOffset now)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand("delete from hub.inbox_unrouted", connection, transaction))
        {
            await take.ExecuteNonQueryAsync();
        }

        await ParkedInboxStore.ParkAsync(connection, transaction, parkedId, $"{Partner}:{Type}", "23514", "refused by a rule", now, default);
        await transaction.CommitAsync();
    }

    private static InboundSubmission Push(string messageId, string businessKey, int score = 5)
    {
        var payload = $$"""{"MaHoSo":"{{businessKey}}","DiemDanhGia":{{score}}}""";
        return new InboundSubmission(Partner, Type, messageId, businessKey, payload, SHA256.HashData(Encoding.UTF8.GetBytes(Type + payload)), Guid.NewGuid().ToString("N"));
    }

    private static async Task<InboxWriteResult> WriteAsync(NpgsqlDataSource db, TimeProvider clock, InboundSubmission submission) =>
        (await WriteBatchAsync(db, clock, submission))[0];

    private static async Task<IReadOnlyList<InboxWriteResult>> WriteBatchAsync(NpgsqlDataSource db, TimeProvider clock, params InboundSubmission[] submissions)
    {
        await using var connection = await db.OpenConnectionAsync();
        var ticks = clock.GetUtcNow().UtcTicks;
        return await InboxStore.WriteAsync(connection, submissions, new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero), TestPersonalData.Payloads(), default);
    }

    private async Task<NpgsqlDataSource> MigratedAsync()
    {
        var db = NpgsqlDataSource.Create(await cluster.CreateDatabaseAsync());
        await new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance).MigrateAsync(default);
        return db;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull or null ? default! : (T)value;
    }
}
