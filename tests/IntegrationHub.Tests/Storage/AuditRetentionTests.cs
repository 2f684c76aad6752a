using System.Text.Json;
using IntegrationHub.Host.Storage;
using IntegrationHub.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace IntegrationHub.Tests.Storage;

/// <summary>Audits past <c>Hub:Retention:Audits</c> (migration 0029, <see cref="AuditRetention"/>, run by the retention
/// job): a month of operator actions and of population-database lookups archived (verified) and deleted; an action still
/// referred to and a lookup revealed within retention kept until released; the lookups still refuse any other change.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AuditRetentionTests(PostgresCluster cluster) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hub-archive-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Audits_past_retention_are_archived_then_deleted_and_those_still_referred_to_stay_until_released()
    {
        await using var db = NpgsqlDataSource.Create(await cluster.CreateDatabaseAsync());
        await new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance).MigrateAsync(default);
        var clock = new ShiftedClock();
        var now = clock.GetUtcNow();
        var old = now.AddDays(-1826 - 93); // a month that ended well over five years ago
        var recent = now.AddDays(-30);
        var replayed = await ActionAsync(db, "replay", old);
        var paused = await ActionAsync(db, "flow-pause", old);
        var discarded = await ActionAsync(db, "discard", recent);
        await ExecuteAsync(db, $"insert into hub.flow_pauses (flow_id, paused_by, reason, paused_at, action_id) values ('dossiers', 'tester', 'maintenance', now(), {paused})");
        var unrevealed = await LookupAsync(db, old);
        var revealedLongAgo = await LookupAsync(db, old);
        var revealedLately = await LookupAsync(db, old);
        var lately = await LookupAsync(db, recent);
        await RevealAsync(db, revealedLongAgo, old.AddDays(1), "complaint 12");
        await RevealAsync(db, revealedLately, recent, "inspection 7");

        var job = HistoryRetentionTests.RetentionJob(db, clock, _folder);
        await job.RunAsync(default);

        var archive = new HistoryArchive(_folder).Kind(AuditRetention.Folder);
        var month = $"p{old.UtcDateTime:yyyy_MM}";
        Assert.Equal(
            [($"{AuditRetention.OperatorActions}_{month}-1", 1L), ($"{AuditRetention.CitizenLookups}_{month}-1", 2L)],
            archive.Manifests().Select(m => (m.Archive, m.Messages)).OrderByDescending(m => m.Archive));
        Assert.Equal($"{paused},{discarded}", await ScalarAsync<string>(db, "select string_agg(id::text, ',' order by id) from hub.operator_actions"));
        Assert.Equal($"{revealedLately},{lately}", await ScalarAsync<string>(db, "select string_agg(id::text, ',' order by id) from hub.citizen_lookups"));
        Assert.Equal(1L, await ScalarAsync<long>(db, "select count(*) from hub.citizen_lookup_reveals"));

        // Read back: the action with who and why, the lookup with its reveal.
        Assert.All((await archive.VerifyAllAsync(default)).Values, Assert.Empty);
        var (lines, problems) = await archive.ReadAllAsync(_ => true, default);
        Assert.Empty(problems);
        var records = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var action = Assert.Single(records, r => r.TryGetProperty("action", out _));
        Assert.Equal((replayed, "replay", "tester", "why replay"),
            (action.GetProperty("id").GetInt64(), action.GetProperty("action").GetString(), action.GetProperty("operator").GetString(), action.GetProperty("reason").GetString()));
        var lookups = records.Where(r => r.TryGetProperty("reveals", out _)).ToDictionary(r => r.GetProperty("id").GetInt64());
        Assert.Equal([unrevealed, revealedLongAgo], lookups.Keys.Order());
        Assert.Equal("complaint 12", Assert.Single(lookups[revealedLongAgo].GetProperty("reveals").EnumerateArray()).GetProperty("reason").GetString());
        Assert.Equal("001234567890", lookups[unrevealed].GetProperty("personal_id").GetString());

        // Still append-only for anything else: a lookup within retention is neither deleted nor changed.
        foreach (var sql in new[] { $"delete from hub.citizen_lookups where id = {lately}", $"update hub.citizen_lookups set outcome = 'match' where id = {revealedLately}" })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(db, sql));
            Assert.Contains("audit table", refused.MessageText, StringComparison.Ordinal);
        }

        // The flow resumed: its pause's action is released and archived as the month's second generation.
        await ExecuteAsync(db, "delete from hub.flow_pauses");
        await job.RunAsync(default);
        Assert.Equal(1L, Assert.Single(archive.Manifests(), m => m.Archive == $"{AuditRetention.OperatorActions}_{month}-2").Messages);
        Assert.Equal($"{discarded}", await ScalarAsync<string>(db, "select string_agg(id::text, ',' order by id) from hub.operator_actions"));
        Assert.All((await archive.VerifyAllAsync(default)).Values, Assert.Empty);
    }

    private static Task<long> ActionAsync(NpgsqlDataSource db, string action, DateTimeOffset at) =>
        ScalarAsync<long>(db, $"insert into hub.operator_actions (action, operator, reason, selection, message_count, at) values ('{action}', 'tester', 'why {action}', '{{}}', 1, '{at:O}') returning id");

    private static Task<long> LookupAsync(NpgsqlDataSource db, DateTimeOffset at) =>
        ScalarAsync<long>(db,
            $"""
            insert into hub.citizen_lookups (requested_at, requested_by, personal_id, personal_id_masked, declared_hash, outcome, duration_ms)
            values ('{at:O}', 'flow:dossiers', '001234567890', '0012******90', 'h', 'mismatch', 5) returning id
            """);

    private static Task RevealAsync(NpgsqlDataSource db, long lookup, DateTimeOffset at, string reason) =>
        ExecuteAsync(db, $"insert into hub.citizen_lookup_reveals (lookup_id, revealed_at, revealed_by, reason) values ({lookup}, '{at:O}', 'officer', '{reason}')");

    private static async Task ExecuteAsync(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull or null ? default! : (T)value;
    }
}
