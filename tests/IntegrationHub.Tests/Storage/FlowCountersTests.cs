using System.Collections.Concurrent;
using FsCheck;
using FsCheck.Fluent;
using IntegrationHub.Contracts;
using IntegrationHub.Host.Storage;
using IntegrationHub.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace IntegrationHub.Tests.Storage;

/// <summary>The counters the database keeps per flow, destination and state (what <c>GET /api/flows</c> reads) equal a
/// count(*) of the history, and the hourly activity equals what happened, after any mix of receipts, unstorable records,
/// deliveries, failed attempts, skips, dead letters, replays and discards, and when many write at once.</summary>
[Collection(PostgresCollection.Name)]
public sealed class FlowCountersTests(PostgresCluster cluster)
{
    private static readonly string[] Destinations = ["igate:procedures", "igate:dossiers"];
    private static readonly string[] Keys = ["HS1", "HS2", "HS3", "HS4"];
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);
    private int _flows;

    private enum Outcome
    {
        Delivered,
        Skipped,
        Transient,
        Dead,
    }

    [Fact]
    public async Task After_any_mix_of_receipts_deliveries_failures_skips_dead_letters_replays_and_discards_the_counters_equal_a_recount()
    {
        await using var db = await MigratedAsync();
        var property = Prop.ForAll(Arb.From(Cases()), flowCase => RunCaseAsync(db, $"property-{Interlocked.Increment(ref _flows)}", flowCase));

        // Off the test's synchronization context: FsCheck waits for each case synchronously.
        await Task.Run(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(40).WithQuietOnSuccess(true), property));
    }

    [Fact]
    public async Task Deliveries_to_several_destinations_and_receipts_running_at_once_keep_the_counters_exact()
    {
        await using var db = await MigratedAsync();
        var messages = new MessageStore(db, TestPersonalData.Payloads());
        var deliveries = new DeliveryStore(db);
        var deadLetters = new DeadLetterStore(db);
        string[] flows = ["busy-1", "busy-2"];
        var outcomes = new ConcurrentDictionary<Outcome, long>();
        var received = 0L;
        foreach (var flow in flows)
        {
            received += await messages.AppendAsync(flow, 1, Enumerable.Range(0, 300).Select(i => Versioned($"K{i}", 1)).ToList(), Destinations, null, Start, default);
        }

        var receiving = flows.Select(flow => Task.Run(async () =>
        {
            for (var round = 2; round <= 8; round++)
            {
                var created = await messages.AppendAsync(flow, round, Enumerable.Range(0, 300).Where(i => i % round == 0).Select(i => Versioned($"K{i}", round)).ToList(), Destinations, null, Start, default);
                Interlocked.Add(ref received, created);
                await deadLetters.ReplayAsync(new DeadLetterSelection(FlowId: flow), "tester", "again", Start, default);
            }
        })).ToList();
        var delivering = flows.SelectMany(flow => Destinations.Select(destination => Task.Run(async () =>
        {
            while (true)
            {
                var idle = receiving.All(t => t.IsCompleted);
                var batch = await deliveries.ClaimBatchAsync(flow, destination, 25, Start, default);
                if (batch.Count == 0 && idle)
                {
                    return;
                }

                var results = batch.Select(p => Result(p, Planned(p), Start)).ToList();
                foreach (var result in results)
                {
                    outcomes.AddOrUpdate(OutcomeOf(result), 1, (_, n) => n + 1);
                }

                await deliveries.RecordAsync(flow, destination, results, holdBehindDeadLetter: true, Start, default);
            }
        }))).ToList();
        await Task.WhenAll(receiving.Concat(delivering));

        Assert.Empty(await CounterRecount.MismatchesAsync(db));
        Assert.Empty(await OpenDeliveriesRecount.MismatchesAsync(db));
        foreach (var flow in flows)
        {
            Assert.Equal(await CounterRecount.CountsAsync(db, flow), await deliveries.CountsAsync(flow, default));
        }

        var activity = await new FlowActivityStore(db, new FakeTimeProvider(Start)).ReadAsync(flows, FlowActivityWindow.Day, default);
        var hour = activity.Flows.Select(f => f.Buckets[^1]).ToList();
        Assert.All(hour, b => Assert.Equal(Start, b.Hour));
        Assert.Equal(received, hour.Sum(b => b.Received));
        Assert.Equal(outcomes.GetValueOrDefault(Outcome.Delivered), hour.Sum(b => b.Delivered));
        Assert.Equal(outcomes.GetValueOrDefault(Outcome.Skipped), hour.Sum(b => b.Skipped));
        Assert.Equal(outcomes.GetValueOrDefault(Outcome.Dead), hour.Sum(b => b.DeadLettered));
        Assert.Equal(outcomes.GetValueOrDefault(Outcome.Transient) + outcomes.GetValueOrDefault(Outcome.Dead), hour.Sum(b => b.FailedAttempts));
        Assert.True(outcomes.Values.All(n => n > 0), "every outcome happened");

        // A message's outcome from its id: the first attempt of some fails and they are retried at once.
        static Outcome Planned(PendingDelivery p) => (p.MessageId % 7, p.Attempts) switch
        {
            (0, 0) or (1, 0) => Outcome.Transient,
            (2, _) => Outcome.Dead,
            (3, _) => Outcome.Skipped,
            _ => Outcome.Delivered,
        };
    }

    [Fact]
    public async Task Writers_that_do_not_take_the_flows_lock_change_one_flow_at_once_without_waiting_on_one_counter_row_or_losing_a_count()
    {
        await using var db = await MigratedAsync();
        await using (var seed = db.CreateCommand(
            """
            with m as (
                insert into hub.messages (flow_id, record_key, business_key, version, payload, received_at)
                select 'raw', 'R' || i, 'R' || i, '1', '{}', now() from generate_series(1, 4000) i
                returning id, record_key)
            insert into hub.deliveries (message_id, destination, flow_id, record_key, status, updated_at)
            select id, 'igate:procedures', 'raw', record_key, 'pending', now() from m
            """))
        {
            await seed.ExecuteNonQueryAsync();
        }

        // Eight connections, each its own slice of the flow's rows, many short transactions of mixed changes at once.
        var writers = Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            await using var connection = await db.OpenConnectionAsync();
            for (var round = 0; round < 40; round++)
            {
                await using var transaction = await connection.BeginTransactionAsync();
                await using var change = new NpgsqlCommand(
                    """
                    update hub.deliveries d
                    set status = (array['pending', 'waiting', 'delivered', 'skipped', 'dead', 'discarded'])[1 + (d.message_id + @round) % 6],
                        attempts = d.attempts + (d.message_id % 2)::int, updated_at = now()
                    where d.flow_id = 'raw' and d.message_id % 8 = @writer and (d.message_id / 8) % 5 = @round % 5;
                    insert into hub.messages (flow_id, record_key, business_key, version, payload, received_at)
                    values ('raw', 'new-' || @writer || '-' || @round, 'x', '1', '{}', now());
                    """, connection, transaction);
                change.Parameters.AddWithValue("writer", (long)writer);
                change.Parameters.AddWithValue("round", (long)round);
                await change.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
            }
        })).ToList();
        await Task.WhenAll(writers);

        Assert.Empty(await CounterRecount.MismatchesAsync(db, "raw"));
        Assert.Empty(await OpenDeliveriesRecount.MismatchesAsync(db));
        await using var shards = db.CreateCommand("select count(distinct shard) from hub.flow_counters where flow_id = 'raw'");
        Assert.True((long)(await shards.ExecuteScalarAsync())! > 1, "concurrent writers count into rows of their own");
    }

    private static async Task RunCaseAsync(NpgsqlDataSource db, string flow, FlowCase flowCase)
    {
        var messages = new MessageStore(db, TestPersonalData.Payloads());
        var deliveries = new DeliveryStore(db);
        var deadLetters = new DeadLetterStore(db);
        var expected = new Dictionary<DateTimeOffset, FlowActivityBucket>();
        var now = Start;
        var run = 0L;
        foreach (var step in flowCase.Steps)
        {
            now = now.AddMinutes(step.Minutes);
            var hour = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerHour), TimeSpan.Zero);
            var bucket = expected.GetValueOrDefault(hour) ?? FlowActivityBucket.Empty(hour);
            switch (step)
            {
                case ReceiveStep receive:
                    var before = await ScalarAsync(db, "select coalesce(max(id), 0) from hub.messages");
                    var records = receive.Records.Select(r => Versioned(r.Key, r.Version) with { Problem = r.Unstorable ? "the copy does not match its certificate" : null }).ToList();
                    var created = await messages.AppendAsync(flow, ++run, records, Destinations, null, now, default, flowCase.Hold);
                    var deadOnReceipt = await ScalarAsync(db, $"select count(*) from hub.deliveries where message_id > {before} and status = 'dead'");
                    bucket = bucket with { Received = bucket.Received + created, DeadLettered = bucket.DeadLettered + deadOnReceipt };
                    break;
                case DeliverStep deliver:
                    var destination = Destinations[deliver.Destination];
                    var batch = await deliveries.ClaimBatchAsync(flow, destination, 10, now, default);
                    var results = batch.Select((p, i) => Result(p, deliver.Outcomes[i % deliver.Outcomes.Length], now)).ToList();
                    await deliveries.RecordAsync(flow, destination, results, flowCase.Hold, now, default);
                    var outcomes = results.Select(OutcomeOf).ToList();
                    bucket = bucket with
                    {
                        Delivered = bucket.Delivered + outcomes.Count(o => o == Outcome.Delivered),
                        Skipped = bucket.Skipped + outcomes.Count(o => o == Outcome.Skipped),
                        DeadLettered = bucket.DeadLettered + outcomes.Count(o => o == Outcome.Dead),
                        FailedAttempts = bucket.FailedAttempts + outcomes.Count(o => o is Outcome.Transient or Outcome.Dead),
                    };
                    break;
                case OperatorStep { Replay: true } replay:
                    await deadLetters.ReplayAsync(new DeadLetterSelection(FlowId: flow, BusinessKey: replay.Key), "tester", "property", now, default);
                    break;
                case OperatorStep discard:
                    await deadLetters.DiscardAsync(new DeadLetterSelection(FlowId: flow, BusinessKey: discard.Key), "tester", "property", now, default);
                    break;
            }

            expected[hour] = bucket;
        }

        Assert.Empty(await CounterRecount.MismatchesAsync(db, flow));
        Assert.Empty(await OpenDeliveriesRecount.MismatchesAsync(db));
        Assert.Equal(await CounterRecount.CountsAsync(db, flow), await deliveries.CountsAsync(flow, default));
        var activity = await new FlowActivityStore(db, new FakeTimeProvider(now)).ReadAsync([flow], FlowActivityWindow.Week, default);
        var series = Assert.Single(activity.Flows);
        Assert.Equal(
            expected.Values.Where(b => b != FlowActivityBucket.Empty(b.Hour)).OrderBy(b => b.Hour),
            series.Buckets.Where(b => b != FlowActivityBucket.Empty(b.Hour)));
    }

    private static DeliveryResult Result(PendingDelivery p, Outcome outcome, DateTimeOffset now) => outcome switch
    {
        Outcome.Delivered => new(p.MessageId, DeliveryStatus.Delivered, p.Attempts + 1, null, null, null, "delivered", 1),
        Outcome.Skipped => new(p.MessageId, DeliveryStatus.Skipped, p.Attempts + 1, null, null, null, "skipped", 1, Note: "nothing to do"),
        Outcome.Transient => new(p.MessageId, DeliveryStatus.Pending, p.Attempts + 1, now, "HTTP_503", "unavailable", "attempt_failed", 1),
        _ => new(p.MessageId, DeliveryStatus.Dead, p.Attempts + 1, null, "REFUSED", "refused", "dead_lettered", 1),
    };

    private static Outcome OutcomeOf(DeliveryResult result) => result.Status switch
    {
        DeliveryStatus.Delivered => Outcome.Delivered,
        DeliveryStatus.Skipped => Outcome.Skipped,
        DeliveryStatus.Pending => Outcome.Transient,
        _ => Outcome.Dead,
    };

    private static SourceRecord Versioned(string key, int version) => new(key, $"{{\"v\":{version}}}", Version: version.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static Gen<FlowCase> Cases()
    {
        var minutes = Gen.Frequency((3, Gen.Choose(0, 5)), (2, Gen.Choose(6, 90)));
        var record = from key in Gen.Elements(Keys)
                     from version in Gen.Choose(1, 4)
                     from unstorable in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
                     select new CaseRecord(key, version, unstorable);
        var receive = from m in minutes
                      from count in Gen.Choose(1, 6)
                      from records in Gen.ArrayOf(record, count)
                      select (Step)new ReceiveStep(m, records);
        var outcome = Gen.Elements(Outcome.Delivered, Outcome.Delivered, Outcome.Skipped, Outcome.Transient, Outcome.Dead);
        var deliver = from m in minutes
                      from destination in Gen.Choose(0, Destinations.Length - 1)
                      from count in Gen.Choose(1, 4)
                      from outcomes in Gen.ArrayOf(outcome, count)
                      select (Step)new DeliverStep(m, destination, outcomes);
        var act = from m in minutes
                  from replay in Gen.Elements(true, false)
                  from key in Gen.Elements(Keys.Select(k => (string?)k).Append(null).ToArray())
                  select (Step)new OperatorStep(m, replay, key);
        var step = Gen.Frequency((3, receive), (5, deliver), (1, act));
        return from hold in Gen.Elements(true, false)
               from count in Gen.Choose(1, 30)
               from steps in Gen.ArrayOf(step, count)
               select new FlowCase(hold, steps);
    }

    private async Task<NpgsqlDataSource> MigratedAsync()
    {
        var db = NpgsqlDataSource.Create(await cluster.CreateDatabaseAsync());
        await new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance).MigrateAsync(default);
        return db;
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed record FlowCase(bool Hold, Step[] Steps)
    {
        public override string ToString() => $"hold {Hold}: {string.Join("; ", Steps.Select(s => s.ToString()))}";
    }

    private abstract record Step(int Minutes);

    private sealed record CaseRecord(string Key, int Version, bool Unstorable)
    {
        public override string ToString() => $"{Key} v{Version}{(Unstorable ? " (unstorable)" : "")}";
    }

    private sealed record ReceiveStep(int Minutes, CaseRecord[] Records) : Step(Minutes)
    {
        public override string ToString() => $"+{Minutes} min receive {string.Join(", ", Records.Select(r => r.ToString()))}";
    }

    private sealed record DeliverStep(int Minutes, int Destination, Outcome[] Outcomes) : Step(Minutes)
    {
        public override string ToString() => $"+{Minutes} min deliver to {Destinations[Destination]}: {string.Join(", ", Outcomes)}";
    }

    private sealed record OperatorStep(int Minutes, bool Replay, string? Key) : Step(Minutes)
    {
        public override string ToString() => $"+{Minutes} min {(Replay ? "replay" : "discard")} {Key ?? "all"}";
    }
}
