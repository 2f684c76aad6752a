using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using IntegrationHub.Connectors.PopulationDb.Citizens;
using IntegrationHub.Contracts.Privacy;
using IntegrationHub.Host;
using IntegrationHub.Host.PersonalData;
using IntegrationHub.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IntegrationHub.Tests.PersonalData;

/// <summary>The population-database lookup audit keeps personal ids only encrypted: found through the blind index,
/// revealed (with its audit) by decrypting, moved out of clear by a job once the upgraded hub serves, re-encrypted on rotation,
/// and a lost key fails only its own rows.</summary>
[Collection(PostgresCollection.Name)]
public sealed partial class LookupAuditEncryptionTests(PostgresCluster cluster)
{
    private const string Reason = "Đối chiếu khiếu nại số 12/2026";

    [Fact]
    public async Task Personal_ids_are_stored_encrypted_found_by_blind_index_and_revealed_with_their_audit()
    {
        var database = await cluster.CreateDatabaseAsync();
        await using var hub = await TestHub.StartAsync(PersonalDataKeys.With(TestHub.BaseSettings(database), "k1", "k1"));
        var first = await AddAsync(hub, "HS-PD-1", "001089012345");
        var second = await AddAsync(hub, "HS-PD-2", "056085123485");
        var third = await AddAsync(hub, "HS-PD-3", "001089012345");

        // Not in any column, in clear: the whole rows as text.
        var rows = await ScalarAsync<string>(database, "select string_agg(row_to_json(l)::text, E'\\n') from hub.citizen_lookups l");
        Assert.DoesNotMatch(PersonalId(), rows);
        Assert.Equal(0L, await ScalarAsync<long>(database, "select count(*) from hub.citizen_lookups where personal_id is not null"));

        using var client = TestHub.AdminClient(hub);
        var found = await client.GetFromJsonAsync<JsonElement>("api/citizen-lookups?personalId=001089012345");
        Assert.Equal([third, first], found.EnumerateArray().Select(l => l.GetProperty("id").GetInt64()));
        Assert.All(found.EnumerateArray(), l => Assert.Equal("0010******45", l.GetProperty("personalIdMasked").GetString()));
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>("api/citizen-lookups?personalId=001089012399")).EnumerateArray());
        var bad = await client.GetAsync("api/citizen-lookups?personalId=12345");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("invalid_field", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        var revealed = await client.PostAsJsonAsync($"api/citizen-lookups/{second}/reveal", new { reason = Reason });
        Assert.Equal(HttpStatusCode.OK, revealed.StatusCode);
        Assert.Equal("056085123485", (await revealed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("personalId").GetString());
        Assert.Equal(1L, await ScalarAsync<long>(database, $"select count(*) from hub.citizen_lookup_reveals where lookup_id = {second}"));
    }

    [Fact]
    public async Task Rows_stored_in_clear_are_encrypted_by_a_job_once_the_hub_serves_found_meanwhile_and_the_audit_stays_append_only_for_anyone_else()
    {
        var database = await cluster.CreateDatabaseAsync();
        var settings = PersonalDataKeys.With(TestHub.BaseSettings(database), "k1", "k1");
        settings["Hub:PersonalData:RewriteBatchSize"] = "2";
        await (await TestHub.StartAsync(settings)).DisposeAsync();
        // As a hub before migration 0041 wrote them.
        var clear = await ScalarAsync<long>(database, """
            insert into hub.citizen_lookups (requested_at, requested_by, dossier, personal_id, personal_id_masked, declared_hash, outcome, duration_ms)
            select now(), 'flow:dossiers', 'HS-OLD-' || n, lpad((1234567890 + n)::text, 12, '0'), '0012******90', 'h', 'match', 5
            from generate_series(0, 6) n order by n returning id
            """);

        // Another host is encrypting them (it holds the job's lock): this hub serves all the same, its job waits.
        await using var otherHost = new NpgsqlConnection(database);
        await otherHost.OpenAsync();
        await using (var take = new NpgsqlCommand("select pg_advisory_lock(hashtextextended(@name, 0))", otherHost))
        {
            take.Parameters.AddWithValue("name", PersonalDataClearRowsJob.LockName);
            await take.ExecuteNonQueryAsync();
        }

        await using var hub = await TestHub.StartAsync(settings);
        using var client = TestHub.AdminClient(hub);
        await Eventually.ReturnsAsync(() => ScalarAsync<long>(database, "select count(*) from pg_locks where locktype = 'advisory' and not granted and database = (select oid from pg_database where datname = current_database())"),
            n => n == 1, TimeSpan.FromSeconds(30), "the hub's job waiting for the lock");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("health/ready")).StatusCode);
        Assert.Equal(7L, await ScalarAsync<long>(database, "select count(*) from hub.citizen_lookups where personal_id is not null"));
        Assert.Equal([clear], (await client.GetFromJsonAsync<JsonElement>("api/citizen-lookups?personalId=001234567890")).EnumerateArray().Select(l => l.GetProperty("id").GetInt64()));

        await using (var release = new NpgsqlCommand("select pg_advisory_unlock(hashtextextended(@name, 0))", otherHost))
        {
            release.Parameters.AddWithValue("name", PersonalDataClearRowsJob.LockName);
            await release.ExecuteNonQueryAsync();
        }

        await Eventually.ReturnsAsync(() => ScalarAsync<long>(database, "select count(*) from hub.citizen_lookups where personal_id is not null or personal_id_key <> 'k1'"),
            n => n == 0, TimeSpan.FromSeconds(30), "no lookup left in clear");
        Assert.DoesNotMatch(PersonalId(), await ScalarAsync<string>(database, "select string_agg(row_to_json(l)::text, E'\\n') from hub.citizen_lookups l"));
        Assert.Equal([clear], (await client.GetFromJsonAsync<JsonElement>("api/citizen-lookups?personalId=001234567890")).EnumerateArray().Select(l => l.GetProperty("id").GetInt64()));
        var revealed = await client.PostAsJsonAsync($"api/citizen-lookups/{clear}/reveal", new { reason = Reason });
        Assert.Equal("001234567890", (await revealed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("personalId").GetString());

        // The trigger still refuses every other update, with or without the rewrite's setting: changing anything else,
        // putting the id back in clear, or another blind index.
        foreach (var update in new[]
        {
            "update hub.citizen_lookups set outcome = 'mismatch'",
            "set local hub.personal_data_rewrite = 'on'; update hub.citizen_lookups set outcome = 'mismatch'",
            "set local hub.personal_data_rewrite = 'on'; update hub.citizen_lookups set personal_id = '001234567890'",
            "set local hub.personal_data_rewrite = 'on'; update hub.citizen_lookups set personal_id_index = 'x'",
            "update hub.citizen_lookups set personal_id_token = personal_id_token || 'x'",
        })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteInTransactionAsync(database, update));
            Assert.Contains("audit table", refused.MessageText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Rotation_reencrypts_under_the_current_key_in_batches_and_is_recorded_as_an_operator_action()
    {
        var database = await cluster.CreateDatabaseAsync();
        var ids = new List<long>();
        await using (var before = await TestHub.StartAsync(PersonalDataKeys.With(TestHub.BaseSettings(database), "k1", "k1")))
        {
            for (var i = 0; i < 5; i++)
            {
                ids.Add(await AddAsync(before, $"HS-ROT-{i}", $"00108901234{i}"));
            }
        }

        var rotated = PersonalDataKeys.With(TestHub.BaseSettings(database), "k2", "k1", "k2");
        rotated["Hub:PersonalData:RewriteBatchSize"] = "2";
        await using (var hub = await TestHub.StartAsync(rotated))
        {
            var newer = await AddAsync(hub, "HS-ROT-NEW", "001089012399");
            using var client = TestHub.AdminClient(hub);
            var refused = await client.PostAsJsonAsync("api/personal-data/reencrypt", new { });
            Assert.Equal("reason_required", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

            var answer = await Rotations.RunAsync(client, "Quarterly key rotation (ticket 42)");
            Assert.Equal(5, answer.GetProperty("rewritten").GetInt32());
            Assert.Equal("k2", answer.GetProperty("currentKey").GetString());
            Assert.Equal("Quarterly key rotation (ticket 42)", answer.GetProperty("reason").GetString());
            Assert.Equal(1L, await ScalarAsync<long>(database,
                $"select count(*) from hub.operator_actions where id = {answer.GetProperty("actionId").GetInt64()} and action = 'personal-data-reencrypt' and reason like 'Quarterly%' and message_count = 5"));
            Assert.Equal(6L, await ScalarAsync<long>(database, "select count(*) from hub.citizen_lookups where personal_id_key = 'k2' and personal_id_token like '⟦pd1.k2.%'"));

            // The new action joined the list of operator actions; the ones before it are still allowed.
            var actions = await ScalarAsync<string>(database, "select pg_get_constraintdef(oid) from pg_constraint where conname = 'operator_actions_action_check'");
            Assert.All(new[] { "replay", "discard", "inbox-replay", "flow-backfill", "personal-data-reencrypt" }, a => Assert.Contains(a, actions, StringComparison.Ordinal));

            // Again: nothing left to do.
            var again = await Rotations.RunAsync(client, "Check nothing is left");
            Assert.Equal(0, again.GetProperty("rewritten").GetInt32());
            Assert.True(newer > ids[^1]);
        }

        // The old key can go: every id still reads, and the index still finds them.
        await using var withoutOld = await TestHub.StartAsync(PersonalDataKeys.With(TestHub.BaseSettings(database), "k2", "k2"));
        using var after = TestHub.AdminClient(withoutOld);
        var revealed = await after.PostAsJsonAsync($"api/citizen-lookups/{ids[3]}/reveal", new { reason = Reason });
        Assert.Equal("001089012343", (await revealed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("personalId").GetString());
        Assert.Single((await after.GetFromJsonAsync<JsonElement>("api/citizen-lookups?personalId=001089012340")).EnumerateArray());
    }

    [Fact]
    public async Task A_lost_key_fails_only_the_rows_under_it_with_a_clear_code_and_nothing_else_is_lost()
    {
        var database = await cluster.CreateDatabaseAsync();
        long lost;
        await using (var before = await TestHub.StartAsync(PersonalDataKeys.With(TestHub.BaseSettings(database), "k1", "k1")))
        {
            lost = await AddAsync(before, "HS-LOST", "001089012345");
        }

        // Key k1 is lost: the hub starts with k2 only.
        await using var hub = await TestHub.StartAsync(PersonalDataKeys.With(TestHub.BaseSettings(database), "k2", "k2"));
        var kept = await AddAsync(hub, "HS-KEPT", "001089012346");
        using var client = TestHub.AdminClient(hub);

        var refused = await client.PostAsJsonAsync($"api/citizen-lookups/{lost}/reveal", new { reason = Reason });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(PersonalDataUnreadableException.KeyMissing, problem.GetProperty("code").GetString());
        Assert.Contains("'k1'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0L, await ScalarAsync<long>(database, $"select count(*) from hub.citizen_lookup_reveals where lookup_id = {lost}"));

        var revealed = await client.PostAsJsonAsync($"api/citizen-lookups/{kept}/reveal", new { reason = Reason });
        Assert.Equal("001089012346", (await revealed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("personalId").GetString());
        // Its listing, masked, and the search by index (the blind-index key is not lost) still work.
        Assert.Single((await client.GetFromJsonAsync<JsonElement>("api/citizen-lookups?personalId=001089012345")).EnumerateArray());

        var rotation = await Rotations.RunAsync(client, "Rotation after the loss of k1");
        Assert.Equal(0, rotation.GetProperty("rewritten").GetInt32());
        Assert.Equal(1, rotation.GetProperty("unreadable").GetProperty("personal_data_key_missing:k1").GetInt32());
        Assert.Equal(1L, await ScalarAsync<long>(database, $"select count(*) from hub.citizen_lookups where id = {lost} and personal_id_key = 'k1'"));
    }

    [Fact]
    public async Task A_rotation_is_a_job_answered_202_refused_409_while_one_is_queued_or_running_and_its_outcome_is_read_by_its_id()
    {
        var database = await cluster.CreateDatabaseAsync();
        await using (var before = await TestHub.StartAsync(PersonalDataKeys.With(TestHub.BaseSettings(database), "k1", "k1")))
        {
            await AddAsync(before, "HS-JOB-1", "001089012341");
            await AddAsync(before, "HS-JOB-2", "001089012342");
        }

        await using var hub = await TestHub.StartAsync(PersonalDataKeys.With(TestHub.BaseSettings(database), "k2", "k1", "k2"));
        using var client = TestHub.AdminClient(hub);

        // Another host's rotation holds the job's lock: this hub's job waits, running, until it is released.
        await using var otherHost = new NpgsqlConnection(database);
        await otherHost.OpenAsync();
        await using (var take = new NpgsqlCommand("select pg_advisory_lock(hashtextextended(@name, 0))", otherHost))
        {
            take.Parameters.AddWithValue("name", PersonalDataReencryptJob.LockName);
            await take.ExecuteNonQueryAsync();
        }

        var accepted = await Rotations.QueueAsync(client, "Rotation to k2 (ticket 44)");
        var jobId = accepted.GetProperty("jobId").GetString();
        Assert.False(string.IsNullOrEmpty(jobId));
        Assert.Equal("queued", accepted.GetProperty("state").GetString());
        Assert.Equal($"/api/personal-data/reencrypt/{jobId}", accepted.GetProperty("job").GetString());

        var running = await Rotations.WhenAsync(client, accepted, "running");
        Assert.Equal("running", running.GetProperty("state").GetString());
        Assert.Equal("Rotation to k2 (ticket 44)", running.GetProperty("reason").GetString());
        Assert.Equal(2L, await ScalarAsync<long>(database, "select count(*) from hub.citizen_lookups where personal_id_key = 'k1'"));

        var second = await client.PostAsJsonAsync("api/personal-data/reencrypt", new { reason = "Again, by mistake" });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var refused = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(PersonalDataReencryptQueue.RunningCode, refused.GetProperty("code").GetString());
        Assert.Equal(jobId, refused.GetProperty("jobId").GetString());

        var unknown = await client.GetAsync("api/personal-data/reencrypt/987654321");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(PersonalDataEndpoints.UnknownJobCode, (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        await using (var release = new NpgsqlCommand("select pg_advisory_unlock(hashtextextended(@name, 0))", otherHost))
        {
            release.Parameters.AddWithValue("name", PersonalDataReencryptJob.LockName);
            await release.ExecuteNonQueryAsync();
        }

        var done = await Rotations.WhenAsync(client, accepted, "succeeded");
        Assert.Equal("succeeded", done.GetProperty("state").GetString());
        Assert.Equal(2, done.GetProperty("rewritten").GetInt32());
        Assert.Equal(0L, await ScalarAsync<long>(database, "select count(*) from hub.citizen_lookups where personal_id_key <> 'k2'"));
        Assert.Equal(1L, await ScalarAsync<long>(database,
            $"select count(*) from hub.operator_actions where id = {done.GetProperty("actionId").GetInt64()} and selection->>'jobId' = '{jobId}' and message_count = 2"));

        // Once it has ended, another may be queued.
        Assert.Equal(0, (await Rotations.RunAsync(client, "Check nothing is left")).GetProperty("rewritten").GetInt32());
    }

    [Fact]
    public async Task Production_without_personal_data_keys_does_not_start()
    {
        var settings = TestHub.BaseSettings("Host=127.0.0.1;Database=none");
        foreach (var key in settings.Keys.Where(k => k.StartsWith("Hub:PersonalData:", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            settings.Remove(key);
        }

        var refused = await Assert.ThrowsAsync<HubStartupException>(() =>
            HubApplication.CheckConfigurationAsync(["--environment", "Production"], c => c.AddInMemoryCollection(settings)));
        Assert.Contains("Hub:PersonalData has no key", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Hub:PersonalData has no key", (await Record.ExceptionAsync(() =>
            HubApplication.CheckConfigurationAsync(["--environment", "Production"], c => c.AddInMemoryCollection(PersonalDataKeys.With(settings, "k1", "k1")))))?.Message ?? "", StringComparison.Ordinal);
    }

    private static Task<long> AddAsync(Host.HubHost hub, string dossier, string personalId) =>
        hub.Services.GetRequiredService<CitizenLookupStore>().AddAsync(new CitizenLookupEntry(DateTimeOffset.UtcNow, "flow:citizen-checks", "citizen-checks", null, dossier,
            personalId, "hash", "match", [], null, 12, $$"""{"MaHoSo":"{{dossier}}"}"""), CancellationToken.None);

    private static async Task<T> ScalarAsync<T>(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteInTransactionAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync();
    }

    [GeneratedRegex(@"(?<!\d)\d{12}(?!\d)")]
    private static partial Regex PersonalId();
}
