using System.Net;
using System.Text.Json;
using IntegrationHub.Contracts;
using IntegrationHub.Connectors.PopulationDb.Citizens;
using IntegrationHub.Host.Storage;
using IntegrationHub.Tests.Infrastructure;
using IntegrationHub.Tests.Security.Fuzzing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace IntegrationHub.Tests.Security;

/// <summary>Issue 10 #3, proved with generated input: 10,000 generated and mutated requests per public endpoint, over
/// real HTTP to one hub on real PostgreSQL (<see cref="FuzzRequests"/>, <see cref="JsonFuzz"/>). Every answer: never a
/// server error, every refusal coded (<see cref="FuzzChecks"/>); the rows each endpoint writes grow by exactly its
/// successes, so nothing refused was stored; afterwards the inbox is routed and the hub reports ready. A failure prints
/// the request, the answer and FsCheck's seed (replay with <c>HUB_FUZZ_REPLAY</c>, see <see cref="FuzzRun"/>).</summary>
[Collection(PostgresCollection.Name)]
public sealed class InputFuzzTests(PostgresCluster cluster, EdgeRigFixture fixture, ITestOutputHelper output) : IClassFixture<EdgeRigFixture>
{
    [Fact]
    public async Task Generated_REST_pushes_never_get_a_5xx_and_only_their_202s_are_stored()
    {
        var rig = await fixture.GetAsync(cluster);
        var before = await InboxCounts.ReadAsync(rig.Database);

        var tally = await RunAsync("REST inbound", FuzzRequests.RestInbound(), rig.Partner, (_, answer) =>
            answer.Status == 202 ? FuzzChecks.SuccessOrProblem(answer, 202, "receiptId", answer.Replayed ? "202 repeated" : "202 stored") : FuzzChecks.Problem(answer));

        var after = await InboxCounts.ReadAsync(rig.Database);
        Assert.Equal(tally["202 stored"], after.Inbox - before.Inbox);
        // Each authenticated request's nonce is remembered once it reached the store: a receipt, or a conflicting id.
        Assert.Equal(tally.StartingWith("202") + tally["409 message_id_conflict"], after.Nonces - before.Nonces);
        Assert.True(tally["202 stored"] > 100, $"too few valid pushes to show storing still works: {tally}");
        await AssertHealthyAsync(rig);
    }

    [Fact]
    public async Task Generated_SOAP_envelopes_never_get_a_server_fault_and_only_their_receipts_are_stored()
    {
        var rig = await fixture.GetAsync(cluster);
        var before = await InboxCounts.ReadAsync(rig.Database);

        var tally = await RunAsync("SOAP inbound", FuzzRequests.SoapInbound(), rig.SoapPartner, (_, answer) => FuzzChecks.Soap(answer));

        var after = await InboxCounts.ReadAsync(rig.Database);
        Assert.Equal(tally["200 stored"], after.Inbox - before.Inbox);
        Assert.True(tally["200 stored"] > 100, $"too few valid envelopes to show storing still works: {tally}");
        await AssertHealthyAsync(rig);
    }

    [Fact]
    public async Task Generated_payment_inits_never_get_a_5xx_and_only_their_201s_make_payments()
    {
        var rig = await fixture.GetAsync(cluster);
        var before = await rig.ScalarAsync("select count(*) from hub.payments");
        var atPlatform = rig.Payments.Platform.Payments().Count;

        var tally = await RunAsync("payment init", FuzzRequests.PaymentInit(), rig.Portal, (_, answer) => answer.Status switch
        {
            201 => FuzzChecks.SuccessOrProblem(answer, 201, "maThamChieu", "201 created"),
            200 => FuzzChecks.SuccessOrProblem(answer, 200, "maThamChieu", "200 repeated"),
            _ => FuzzChecks.Problem(answer),
        });

        Assert.Equal(tally["201 created"], await rig.ScalarAsync("select count(*) from hub.payments") - before);
        Assert.Equal(tally["201 created"], rig.Payments.Platform.Payments().Count - atPlatform);
        Assert.True(tally["201 created"] > 100, $"too few valid inits to show payments still work: {tally}");
        await AssertHealthyAsync(rig);
    }

    [Fact]
    public async Task Generated_payment_callbacks_are_answered_in_the_platform_shape_and_change_nothing()
    {
        var rig = await fixture.GetAsync(cluster);
        var (created, payment) = await Payments.PaymentTestKit.InitAsync(rig.Portal, "fz-callback-init", "H56.01-261128-0990", 120_000);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var maThamChieu = payment.GetProperty("maThamChieu").GetString()!;
        Assert.Equal("00", (await rig.Payments.Platform.PayAsync(maThamChieu)).Delivery!.Reply!.MaLoi);
        const string State = """
            select coalesce(string_agg(ma_tham_chieu || status || coalesce(ma_giao_dich, '') || coalesce(settled_at::text, ''), ',' order by ma_tham_chieu), '')
                   || (select count(*) from hub.inbox) from hub.payments
            """;
        var before = await StateAsync(rig, State);

        // The payment is paid: a genuine repeat answers 00 and changes nothing, and nothing else may change anything.
        var tally = await RunAsync("payment callback", FuzzRequests.PaymentCallback(rig.Payments.Platform.SignedCallback(maThamChieu)), rig.Anonymous,
            (_, answer) => FuzzChecks.PaymentReply(answer));

        Assert.Equal(before, await StateAsync(rig, State));
        Assert.True(tally["200 MaLoi 00"] > 100, $"too few genuine repeats to show callbacks still work: {tally}");
        await AssertHealthyAsync(rig);
    }

    [Fact]
    public async Task Generated_officer_lookups_never_get_a_5xx_and_only_their_answers_are_audited()
    {
        var rig = await fixture.GetAsync(cluster);
        var citizens = Enumerable.Range(0, 40).Select(i => rig.Population.KnownCitizen(i)).ToList();
        var before = await rig.ScalarAsync("select count(*) from hub.citizen_lookups");

        var tally = await RunAsync("citizen lookup", FuzzRequests.CitizenLookup(citizens), rig.Admin, (_, answer) =>
            FuzzChecks.SuccessOrProblem(answer, 200, "lookupId", "200 looked up"));

        Assert.Equal(tally["200 looked up"], await rig.ScalarAsync("select count(*) from hub.citizen_lookups") - before);
        Assert.True(tally["200 looked up"] > 100, $"too few valid lookups to show lookups still work: {tally}");
        await AssertHealthyAsync(rig);
    }

    [Fact]
    public async Task Generated_reveals_never_get_a_5xx_and_only_their_answers_are_recorded()
    {
        var rig = await fixture.GetAsync(cluster);
        var store = rig.Hub.Services.GetRequiredService<CitizenLookupStore>();
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await store.AddAsync(new CitizenLookupEntry(DateTimeOffset.UtcNow, "flow:citizen-checks", "citizen-checks", null, $"HS-FZ-{i}",
                "056085123485", "hash", "match", [], null, 12, $$"""{"MaHoSo":"HS-FZ-{{i}}"}"""), CancellationToken.None));
        }

        var before = await rig.ScalarAsync("select count(*) from hub.citizen_lookup_reveals");

        var tally = await RunAsync("citizen reveal", FuzzRequests.CitizenReveal(ids), rig.Admin, (_, answer) =>
            FuzzChecks.SuccessOrProblem(answer, 200, "personalId", "200 revealed"));

        Assert.Equal(tally["200 revealed"], await rig.ScalarAsync("select count(*) from hub.citizen_lookup_reveals") - before);
        Assert.True(tally["200 revealed"] > 100, $"too few valid reveals to show reveals still work: {tally}");
        await AssertHealthyAsync(rig);
    }

    [Fact]
    public async Task Generated_dead_letter_actions_never_get_a_5xx_and_only_their_actions_are_recorded()
    {
        var rig = await fixture.GetAsync(cluster);
        var messages = rig.Hub.Services.GetRequiredService<MessageStore>();
        var runId = await rig.ScalarAsync("insert into hub.flow_runs (flow_id, trigger, status, started_at) values ('procedures', 'test', 'running', now()) returning id");
        // Dead letters to act on: payloads PostgreSQL cannot store are dead letters at once.
        await messages.AppendAsync("procedures", runId, [.. Enumerable.Range(0, 5).Select(i => new SourceRecord($"FZ-DEAD-{i}", """{"TenTTHC":"\u0000"}""", FuzzRequests.DossierKeys[i]))],
            ["igate:procedures"], null, DateTimeOffset.UtcNow, CancellationToken.None);
        var before = await rig.ScalarAsync("select count(*) from hub.operator_actions");

        var tally = await RunAsync("dead-letter actions", FuzzRequests.DeadLetterAction(), rig.Admin, (_, answer) =>
            answer.Status == 200
                ? FuzzChecks.SuccessOrProblem(answer, 200, "dryRun", answer.Text.Contains("\"dryRun\":false", StringComparison.Ordinal) ? "200 acted" : "200 dry run")
                : FuzzChecks.Problem(answer));

        Assert.Equal(tally["200 acted"], await rig.ScalarAsync("select count(*) from hub.operator_actions") - before);
        Assert.True(tally["200 acted"] > 100 && tally["200 dry run"] > 100, $"too few valid actions to show they still work: {tally}");
        await AssertHealthyAsync(rig);
    }

    [Fact]
    public async Task Generated_parked_inbox_actions_never_get_a_5xx_and_only_their_actions_are_recorded()
    {
        var rig = await fixture.GetAsync(cluster);
        var ids = await ParkAsync(rig, 40);
        var before = await rig.ScalarAsync("select count(*) from hub.operator_actions");
        var affected = 0L;

        var tally = await RunAsync("parked inbox actions", FuzzRequests.ParkedInboxAction(ids), rig.Admin, (_, answer) =>
        {
            var verdict = FuzzChecks.SuccessOrProblem(answer, 200, "actionId", "200 acted");
            if (verdict is { Failure: null, Category: "200 acted" })
            {
                Interlocked.Add(ref affected, JsonDocument.Parse(answer.Body).RootElement.GetProperty("affected").GetInt64());
            }

            return verdict;
        });

        Assert.Equal(tally["200 acted"], await rig.ScalarAsync("select count(*) from hub.operator_actions") - before);
        // A parked message is acted on once (replayed ones are routed, valid as they are): what changed is what the
        // successes reported, so nothing refused changed anything.
        Assert.Equal(affected, await rig.ScalarAsync("select count(*) from hub.inbox_parked where inbox_id = any(@ids) and state <> 'parked'", ("ids", ids.ToArray())));
        Assert.True(tally["200 acted"] > 100 && affected > 0, $"too few valid actions to show they still work: {tally}");

        // Whatever the generated requests left parked is set aside by an operator, so the hub can be Healthy afterwards.
        var discarded = await rig.Admin.PostAsync("api/inbox/parked/discard", new StringContent("""{"all":true,"reason":"fuzz test cleanup"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, discarded.StatusCode);
        await AssertHealthyAsync(rig);
    }

    /// <summary>Parks <paramref name="count"/> valid evaluations as the router does (stored, taken off the queue, set
    /// aside with an error), so a replay routes them.</summary>
    private static async Task<List<long>> ParkAsync(EdgeRig rig, int count)
    {
        await using var connection = new Npgsql.NpgsqlConnection(rig.Database);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            """
            with inserted as (
                insert into hub.inbox (receipt_id, partner, message_type, partner_message_id, business_key, payload, payload_sha256, received_at)
                select gen_random_uuid(), 'dvcqg', 'danh-gia', 'parked-fz-' || n, 'H56.01-261128-0001',
                       '{"MaHoSo":"H56.01-261128-0001","DiemDanhGia":5,"ThoiGianDanhGia":"20261128093000"}', sha256(convert_to('parked-fz-' || n, 'UTF8')), now()
                from generate_series(1, @count) n
                returning id)
            insert into hub.inbox_parked (inbox_id, source, state, error_code, error, attempts, first_parked_at, parked_at, updated_at)
            select id, 'dvcqg:danh-gia', 'parked', '23514', 'refused by a rule', 1, now(), now(), now() from inserted
            returning inbox_id
            """, connection);
        command.Parameters.AddWithValue("count", count);
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    private async Task<FuzzTally> RunAsync(string endpoint, FsCheck.Gen<FuzzRequest> requests, HttpClient client, Func<FuzzRequest, FuzzAnswer, FuzzVerdict> check)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // Off the test's synchronization context: FsCheck waits for the requests synchronously.
        var tally = await Task.Run(() => FuzzRun.Check(endpoint, requests, client, check));
        output.WriteLine($"{endpoint}: {tally.Total} requests in {clock.Elapsed.TotalSeconds:0.0} s; {tally}");
        if (Environment.GetEnvironmentVariable(FuzzRun.ReplayVariable) is null)
        {
            Assert.Equal(FuzzRun.RequestsPerEndpoint, tally.Total);
        }

        return tally;
    }

    /// <summary>Afterwards the inbox router has routed everything (one bad message did not stop it), parked nothing, and
    /// the hub is ready and Healthy: readiness answers 200 also when Degraded (parked messages, a stalled queue), so the
    /// JSON status is what shows it.</summary>
    private static async Task AssertHealthyAsync(EdgeRig rig)
    {
        await Eventually.ReturnsAsync(() => rig.ScalarAsync("select count(*) from hub.inbox_unrouted"), n => n == 0, TimeSpan.FromSeconds(60), "the inbox routed");
        Assert.Equal(0, await rig.ScalarAsync("select count(*) from hub.inbox_parked where state = 'parked'"));
        var ready = await rig.Anonymous.GetAsync("health/ready");
        var body = await ready.Content.ReadAsStringAsync();
        Assert.True(ready.StatusCode == HttpStatusCode.OK, body);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("status").GetString() == "Healthy", body);
    }

    private static async Task<string> StateAsync(EdgeRig rig, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(rig.Database);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
