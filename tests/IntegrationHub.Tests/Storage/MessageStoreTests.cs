using IntegrationHub.Contracts;
using IntegrationHub.Host.Storage;
using IntegrationHub.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace IntegrationHub.Tests.Storage;

/// <summary>The storage rules a flow relies on, on a real database: versions, per-record order, unstorable payloads.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MessageStoreTests(PostgresCluster cluster)
{
    private const string Flow = "procedures";
    private const string Destination = "igate:procedures";
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_record_is_a_new_message_only_when_its_version_changes_and_a_change_back_counts()
    {
        await using var db = await MigratedAsync();
        var store = new MessageStore(db, TestPersonalData.Payloads());

        Assert.Equal(2, await store.AppendAsync(Flow, 1, [Record("A", "{\"v\":1}"), Record("B", "{\"v\":1}")], [Destination], null, Now, default));
        Assert.Equal(0, await store.AppendAsync(Flow, 1, [Record("A", "{\"v\":1}")], [Destination], null, Now, default));
        Assert.Equal(1, await store.AppendAsync(Flow, 1, [Record("A", "{\"v\":2}")], [Destination], null, Now, default));
        Assert.Equal(1, await store.AppendAsync(Flow, 1, [Record("A", "{\"v\":1}")], [Destination], null, Now, default));
    }

    [Fact]
    public async Task A_backfill_makes_no_message_of_a_source_version_seen_before_keeps_the_stored_version_and_counts_a_hashed_change_back()
    {
        await using var db = await MigratedAsync();
        var store = new MessageStore(db, TestPersonalData.Payloads());
        SourceRecord Step(int stt) => new("HS7", $"{{\"stt\":{stt}}}", Version: stt.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(3, await store.AppendAsync(Flow, 1, [Step(1), Step(2), Step(3)], [Destination], null, Now, default));

        // Steps 1 and 2 again, older than the stored 3: not messages, and the stored version stays 3.
        Assert.Equal(0, await store.AppendAsync(Flow, 2, [Step(1), Step(2)], [Destination], null, Now, default, backfill: true));
        Assert.Equal(0, await store.AppendAsync(Flow, 3, [Step(3)], [Destination], null, Now, default));
        Assert.Equal(1, await store.AppendAsync(Flow, 2, [Step(1), Step(2), Step(3), Step(4)], [Destination], null, Now, default, backfill: true));

        // Without a source version the hub's hash can repeat: A, B, then A again is a change back, also in a backfill.
        Assert.Equal(1, await store.AppendAsync(Flow, 1, [Record("P", "{\"v\":1}")], [Destination], null, Now, default));
        Assert.Equal(1, await store.AppendAsync(Flow, 1, [Record("P", "{\"v\":2}")], [Destination], null, Now, default));
        Assert.Equal(1, await store.AppendAsync(Flow, 2, [Record("P", "{\"v\":1}")], [Destination], null, Now, default, backfill: true));
    }

    [Fact]
    public async Task Several_versions_of_a_record_in_one_batch_are_each_a_message_delivered_in_order()
    {
        await using var db = await MigratedAsync();
        var messages = new MessageStore(db, TestPersonalData.Payloads());
        var deliveries = new DeliveryStore(db);

        // A dossier's progress steps 1..3 read in one page, plus a repeat of step 2 (not new).
        var created = await messages.AppendAsync(Flow, 1,
            [new SourceRecord("HS9", "{\"stt\":1}", Version: "1"), new SourceRecord("HS9", "{\"stt\":2}", Version: "2"), new SourceRecord("HS9", "{\"stt\":2}", Version: "2"), new SourceRecord("HS9", "{\"stt\":3}", Version: "3")],
            [Destination], null, Now, default);
        Assert.Equal(3, created);

        var order = new List<string>();
        for (var round = 0; round < 4; round++)
        {
            var batch = await deliveries.ClaimBatchAsync(Flow, Destination, 10, Now, default);
            Assert.True(batch.Count <= 1, "one message of a record at a time");
            foreach (var item in batch)
            {
                order.Add(item.Version);
                await deliveries.RecordAsync(Flow, Destination, [new DeliveryResult(item.MessageId, DeliveryStatus.Delivered, 1, null, null, null, "delivered", 1)], true, Now, default);
            }
        }

        Assert.Equal(["1", "2", "3"], order);
    }

    [Fact]
    public async Task A_newer_message_of_a_record_waits_until_the_older_one_is_no_longer_pending()
    {
        await using var db = await MigratedAsync();
        var messages = new MessageStore(db, TestPersonalData.Payloads());
        var deliveries = new DeliveryStore(db);
        await messages.AppendAsync(Flow, 1, [Record("X", "{\"v\":1}"), Record("Y", "{\"v\":1}")], [Destination], null, Now, default);
        var first = await deliveries.ClaimBatchAsync(Flow, Destination, 10, Now, default);
        var x1 = first.Single(p => p.RecordKey == "X");

        // X v1 fails transiently and is deferred; X v2 arrives and must not overtake it.
        await deliveries.RecordAsync(Flow, Destination, [new DeliveryResult(x1.MessageId, DeliveryStatus.Pending, 1, Now.AddMinutes(5), "E", "down", "attempt_failed", 1)], true, Now, default);
        await messages.AppendAsync(Flow, 2, [Record("X", "{\"v\":2}")], [Destination], null, Now, default);
        var due = await deliveries.ClaimBatchAsync(Flow, Destination, 10, Now, default);
        Assert.Equal(["Y"], due.Select(p => p.RecordKey));

        // Once v1 is due again it goes first, alone; v2 follows after it is delivered.
        var later = Now.AddMinutes(6);
        var retry = await deliveries.ClaimBatchAsync(Flow, Destination, 10, later, default);
        Assert.Equal([x1.MessageId], retry.Where(p => p.RecordKey == "X").Select(p => p.MessageId));
        await deliveries.RecordAsync(Flow, Destination, [new DeliveryResult(x1.MessageId, DeliveryStatus.Delivered, 2, null, null, null, "delivered", 1)], true, later, default);
        var next = await deliveries.ClaimBatchAsync(Flow, Destination, 10, later, default);
        Assert.Equal("{\"v\": 2}", next.Single(p => p.RecordKey == "X").Payload);

        // Meanwhile v2 was visibly waiting, not lost: the flow counts it as pending work.
        Assert.Equal(0, (await deliveries.CountsAsync(Flow, default)).DeadLettered);
    }

    [Fact]
    public async Task A_dead_letter_holds_its_records_later_messages_until_it_is_discarded()
    {
        await using var db = await MigratedAsync();
        var messages = new MessageStore(db, TestPersonalData.Payloads());
        var deliveries = new DeliveryStore(db);
        var dead = new DeadLetterStore(db);
        await messages.AppendAsync(Flow, 1, [Record("HS1", "{\"v\":1}")], [Destination], null, Now, default);
        var v1 = (await deliveries.ClaimBatchAsync(Flow, Destination, 10, Now, default)).Single();
        await deliveries.RecordAsync(Flow, Destination, [new DeliveryResult(v1.MessageId, DeliveryStatus.Dead, 1, null, "-10", "rejected", "dead_lettered", 1)], true, Now, default);
        await messages.AppendAsync(Flow, 2, [Record("HS1", "{\"v\":2}"), Record("HS2", "{\"v\":1}")], [Destination], null, Now, default);

        // HS2 flows on; HS1 v2 waits, visibly, behind its dead letter.
        Assert.Equal(["HS2"], (await deliveries.ClaimBatchAsync(Flow, Destination, 10, Now, default)).Select(p => p.RecordKey));
        var (_, items) = await dead.FindAsync(new DeadLetterSelection(BusinessKey: "HS1"), 10, default);
        Assert.Equal(1, Assert.Single(items).WaitingBehind);
        Assert.Equal(1, (await deliveries.CountsAsync(Flow, default)).Waiting);

        var discarded = await dead.DiscardAsync(new DeadLetterSelection(BusinessKey: "HS1"), "tester", "superseded", Now, default);
        Assert.Equal(1, discarded.Count);
        Assert.Equal(["HS1", "HS2"], (await deliveries.ClaimBatchAsync(Flow, Destination, 10, Now, default)).Select(p => p.RecordKey).Order());
        Assert.Equal(0, (await deliveries.CountsAsync(Flow, default)).Waiting);
    }

    [Fact]
    public async Task Holding_nothing_overtakes_an_unstorable_payload_dead_lettered_between_two_versions()
    {
        await using var db = await MigratedAsync();
        var messages = new MessageStore(db, TestPersonalData.Payloads());
        var deliveries = new DeliveryStore(db);
        await messages.AppendAsync(Flow, 1, [new SourceRecord("R", "{\"v\":1}", Version: "1"), new SourceRecord("R", "{broken", Version: "2"), new SourceRecord("R", "{\"v\":3}", Version: "3")], [Destination], null, Now, default);
        var v1 = Assert.Single(await deliveries.ClaimBatchAsync(Flow, Destination, 10, Now, default));
        await deliveries.RecordAsync(Flow, Destination, [new DeliveryResult(v1.MessageId, DeliveryStatus.Delivered, 1, null, null, null, "delivered", 1)], true, Now, default);

        Assert.Empty(await deliveries.ClaimBatchAsync(Flow, Destination, 10, Now, default));
        Assert.Equal(1, (await deliveries.CountsAsync(Flow, default)).Waiting);
    }

    [Fact]
    public async Task Not_holding_an_unstorable_payload_does_not_block_the_next_version()
    {
        await using var db = await MigratedAsync();
        var messages = new MessageStore(db, TestPersonalData.Payloads());
        var deliveries = new DeliveryStore(db);
        await messages.AppendAsync(Flow, 1, [new SourceRecord("R", "{broken", Version: "1"), new SourceRecord("R", "{\"v\":2}", Version: "2")], [Destination], null, Now, default, holdBehindDeadLetter: false);

        Assert.Equal(["2"], (await deliveries.ClaimBatchAsync(Flow, Destination, 10, Now, default)).Select(p => p.Version));
    }

    [Fact]
    public async Task Replaying_several_dead_letters_of_one_record_sends_them_one_after_another_in_order()
    {
        await using var db = await MigratedAsync();
        var messages = new MessageStore(db, TestPersonalData.Payloads());
        var deliveries = new DeliveryStore(db);
        var dead = new DeadLetterStore(db);
        foreach (var version in new[] { "1", "2" })
        {
            await messages.AppendAsync(Flow, 1, [new SourceRecord("R", $"{{\"v\":{version}}}", Version: version)], [Destination], null, Now, default, holdBehindDeadLetter: false);
            var head = Assert.Single(await deliveries.ClaimBatchAsync(Flow, Destination, 10, Now, default));
            await deliveries.RecordAsync(Flow, Destination, [new DeliveryResult(head.MessageId, DeliveryStatus.Dead, 1, null, "E", "no", "dead_lettered", 1)], false, Now, default);
        }

        var replayed = await dead.ReplayAsync(new DeadLetterSelection(ErrorCode: "E"), "tester", "fixed", Now, default);
        Assert.Equal(2, replayed.Count);
        var first = Assert.Single(await deliveries.ClaimBatchAsync(Flow, Destination, 10, Now, default));
        Assert.Equal("1", first.Version);
        await deliveries.RecordAsync(Flow, Destination, [new DeliveryResult(first.MessageId, DeliveryStatus.Delivered, 1, null, null, null, "delivered", 1)], false, Now, default);
        Assert.Equal("2", Assert.Single(await deliveries.ClaimBatchAsync(Flow, Destination, 10, Now, default)).Version);
    }

    [Fact]
    public async Task Replaying_a_dead_letter_whose_record_has_a_newer_version_delivered_sets_it_aside_as_superseded()
    {
        await using var db = await MigratedAsync();
        var messages = new MessageStore(db, TestPersonalData.Payloads());
        var deliveries = new DeliveryStore(db);
        var dead = new DeadLetterStore(db);
        foreach (var (version, status) in new[] { ("1", DeliveryStatus.Dead), ("2", DeliveryStatus.Delivered) })
        {
            await messages.AppendAsync(Flow, 1, [new SourceRecord("P", $"{{\"v\":{version}}}", Version: version)], [Destination], null, Now, default, holdBehindDeadLetter: false);
            var head = Assert.Single(await deliveries.ClaimBatchAsync(Flow, Destination, 10, Now, default));
            await deliveries.RecordAsync(Flow, Destination, [new DeliveryResult(head.MessageId, status, 1, null, status == DeliveryStatus.Dead ? "E" : null, null, "x", 1)], false, Now, default);
        }

        var replayed = await dead.ReplayAsync(new DeadLetterSelection(BusinessKey: "P"), "tester", "retry", Now, default);

        Assert.Equal(1, replayed.Count);
        Assert.Empty(await deliveries.ClaimBatchAsync(Flow, Destination, 10, Now, default));
        var history = await new MessageHistoryStore(db).FindAsync("P", 10, default);
        Assert.Equal("discarded", history[0].Deliveries.Single().Status);
        Assert.Equal("superseded", history[0].Steps.Last().Event);
    }

    [Fact]
    public async Task A_payload_postgresql_cannot_store_becomes_a_dead_letter_and_the_checkpoint_still_advances()
    {
        await using var db = await MigratedAsync();
        var store = new MessageStore(db, TestPersonalData.Payloads());

        var created = await store.AppendAsync(Flow, 1, [Record("bad", "{\"name\": \"nul \\u0000 here\"}"), Record("broken", "{not json"), Record("good", "{}")],
            [Destination], new SourceCheckpoint("{\"nextPage\":2}"), Now, default);

        Assert.Equal(3, created);
        Assert.Equal("{\"nextPage\":2}", (await store.LoadCheckpointAsync(Flow, default))!.State);
        await using var command = db.CreateCommand(
            "select m.record_key, d.status, d.last_error_code, m.payload->>'invalidPayload' from hub.deliveries d join hub.messages m on m.id = d.message_id order by m.record_key");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string, string?, string?)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        Assert.Equal(("bad", "dead", PayloadCheck.ErrorCode, "{\"name\": \"nul \\u0000 here\"}"), rows[0]);
        Assert.Equal(("broken", "dead", PayloadCheck.ErrorCode, "{not json"), rows[1]);
        Assert.Equal(("good", "pending", null, null), rows[2]);
    }

    [Fact]
    public async Task A_payload_past_the_toast_threshold_is_stored_compressed_with_lz4_and_reads_back_whole()
    {
        await using var db = await MigratedAsync();
        var store = new MessageStore(db, TestPersonalData.Payloads());
        var steps = string.Join(",", Enumerable.Range(1, 100).Select(i => $"\"Bước {i}: tiếp nhận và thẩm định hồ sơ\""));
        var payload = $"{{\"MATTHC\":\"1.000001\",\"TRINH_TU\":[{steps}]}}";
        Assert.True(payload.Length > 2_500, "past PostgreSQL's 2 kB TOAST threshold");

        Assert.Equal(1, await store.AppendAsync(Flow, 1, [Record("1.000001", payload)], [Destination], null, Now, default));

        await using var command = db.CreateCommand("select pg_column_compression(payload), payload = @payload::jsonb from hub.messages");
        command.Parameters.AddWithValue("payload", payload);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("lz4", reader.GetString(0));
        Assert.True(reader.GetBoolean(1));
    }

    private static SourceRecord Record(string key, string payload) => new(key, payload);

    private async Task<NpgsqlDataSource> MigratedAsync()
    {
        var db = NpgsqlDataSource.Create(await cluster.CreateDatabaseAsync());
        await new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance).MigrateAsync(default);
        await using var run = db.CreateCommand("insert into hub.flow_runs (flow_id, trigger, status, started_at) values ('procedures', 'test', 'running', now()), ('procedures', 'test', 'running', now())");
        await run.ExecuteNonQueryAsync();
        return db;
    }
}
