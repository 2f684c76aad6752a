using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using IntegrationHub.Host;
using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Delivery;
using IntegrationHub.Host.Inbound;
using IntegrationHub.Host.Observability;
using IntegrationHub.Tests.Inbound;
using IntegrationHub.Tests.Infrastructure;
using IntegrationHub.Tests.Payments;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IntegrationHub.Tests.Security;

/// <summary>One message must never stop inbound routing (issue 10, finding 2 b and c). The poison is put into the inbox
/// with SQL exactly as an acknowledged push is stored, so these tests do not depend on what the gateway accepts: text
/// PostgreSQL refuses (a check constraint, 23514) when the router moves it into its flow.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PoisonInboxMessageTests(PostgresCluster cluster)
{
    private const string Source = "dvcqg:danh-gia";
    private const string PersonalId = "001203004567";
    private const string PoisonMark = "-POISON";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_message_PostgreSQL_cannot_store_is_parked_and_the_pushes_and_payment_around_it_are_routed()
    {
        await using var rig = await PaymentRig.StartAsync(cluster);
        var database = rig.Database;
        using var partner = InboundRestTests.PartnerClient(rig.Hub);
        Assert.Equal(HttpStatusCode.Accepted, (await partner.PostAsync("api/inbound/dvcqg/danh-gia", InboundRestTests.Body(InboundRestTests.Evaluation("before-1", "H56.01-261128-0101")))).StatusCode);
        await Eventually.ReturnsAsync(() => EvaluationsRoutedAsync(database), n => n == 1, Patience, "the first push routed");

        // Committed together, as the gateway's group commit stores them: the router takes the three in one batch.
        await RefusePoisonAsync(database);
        var ids = await InsertAsync(database, ("good-a", Evaluation("H56.01-261128-0102", "tốt")), ("poison-1", Poison("H56.01-261128-0103")), ("good-b", Evaluation("H56.01-261128-0104", "tốt")));
        foreach (var messageId in new[] { "after-1", "after-2" })
        {
            var pushed = await partner.PostAsync("api/inbound/dvcqg/danh-gia", InboundRestTests.Body(InboundRestTests.Evaluation(messageId, "H56.01-261128-0105")));
            Assert.Equal(HttpStatusCode.Accepted, pushed.StatusCode);
        }

        var (_, payment) = await PaymentTestKit.InitAsync(rig.Portal, "init-poison", rig.MaHoSo, 120_000);
        var paid = await rig.Sandboxes.Platform.PayAsync(payment.GetProperty("maThamChieu").GetString()!);
        Assert.Equal(200, paid.Delivery!.HttpStatus);

        await Eventually.ReturnsAsync(() => EvaluationsRoutedAsync(database), n => n == 5, Patience, "every good evaluation routed past the poison");
        await Eventually.ReturnsAsync(() => PaymentTestKit.ScalarAsync(database, "select count(*) from hub.messages where flow_id = 'payments'"), n => n == 1, Patience, "the fee-paid event routed");
        Assert.Equal(0, await PaymentTestKit.ScalarAsync(database, "select count(*) from hub.messages where version = 'inbound:poison-1'"));
        Assert.Equal(0, await PaymentTestKit.ScalarAsync(database, "select count(*) from hub.inbox_unrouted"));
        var parked = await ParkedRowAsync(database, ids["poison-1"]);
        Assert.Equal(("parked", "23514", 1), (parked.State, parked.Code, parked.Attempts));
        Assert.Contains("refuse_poison", parked.Error, StringComparison.Ordinal);

        using var admin = TestHub.AdminClient(rig.Hub);
        var listed = await admin.GetFromJsonAsync<JsonElement>("api/inbox/parked");
        Assert.Equal(1, listed.GetProperty("total").GetInt32());
        var item = listed.GetProperty("items").EnumerateArray().Single();
        Assert.Equal(ids["poison-1"], item.GetProperty("inboxId").GetInt64());
        Assert.Equal(("dvcqg", "danh-gia", "poison-1", "23514"), (item.GetProperty("partner").GetString(), item.GetProperty("messageType").GetString(), item.GetProperty("messageId").GetString(), item.GetProperty("errorCode").GetString()));
        Assert.Contains("NoiDungDanhGia", item.GetProperty("payload").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(PersonalId, item.GetRawText(), StringComparison.Ordinal);
        var page = await admin.GetStringAsync("hangfire/inbox-parked");
        Assert.Contains("poison-1", page, StringComparison.Ordinal);
        Assert.Contains("23514", page, StringComparison.Ordinal);
        Assert.DoesNotContain(PersonalId, page, StringComparison.Ordinal);

        var (status, ready) = await ReadinessAsync(rig.Hub.BaseAddress);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Degraded", ready.GetProperty("status").GetString());
        Assert.Equal("Degraded", ready.GetProperty("checks").GetProperty("inbox-routing").GetProperty("status").GetString());
        Assert.Contains("parked", ready.GetProperty("checks").GetProperty("inbox-routing").GetProperty("description").GetString(), StringComparison.Ordinal);

        var sweep = rig.Hub.Services.GetRequiredService<AlertSweep>();
        for (var i = 0; i < 3; i++)
        {
            await sweep.RunAsync(CancellationToken.None);
        }

        Assert.Equal(1, await AlertCountAsync(admin, "inbox_parked"));
    }

    [Fact]
    public async Task A_parked_message_replayed_without_a_reason_gets_400_and_fixed_then_replayed_is_routed_another_discarded_stays_out()
    {
        var database = await cluster.CreateDatabaseAsync();
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(database));
        using var admin = TestHub.AdminClient(hub);
        await RefusePoisonAsync(database);
        var ids = await InsertAsync(database, ("poison-2", Poison("H56.01-261128-0201")), ("poison-3", Poison("H56.01-261128-0203")));
        var (id, other) = (ids["poison-2"], ids["poison-3"]);
        await Eventually.ReturnsAsync(() => PaymentTestKit.ScalarAsync(database, "select count(*) from hub.inbox_parked where state = 'parked'"), n => n == 2, Patience, "both poisons parked");

        await InboundRestTests.AssertProblemAsync(await admin.PostAsJsonAsync("api/inbox/parked/replay", new { ids = new[] { id } }), HttpStatusCode.BadRequest, "reason_required");
        await InboundRestTests.AssertProblemAsync(await admin.PostAsJsonAsync("api/inbox/parked/replay", new { reason = "which ones?" }), HttpStatusCode.BadRequest, "selection_required");
        Assert.Equal("parked", (await ParkedRowAsync(database, id)).State);
        Assert.Equal(0, await PaymentTestKit.ScalarAsync(database, "select count(*) from hub.operator_actions"));

        // Replayed unchanged: it fails again and is parked again, once, waiting for the operator (no hot loop).
        var again = await admin.PostAsJsonAsync("api/inbox/parked/replay", new { ids = new[] { id }, reason = "try once more" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await Eventually.ReturnsAsync(() => ParkedRowAsync(database, id), p => p is { State: "parked", Attempts: 2 }, Patience, "the unchanged replay parked again");
        using (var partner = InboundRestTests.PartnerClient(hub))
        {
            Assert.Equal(HttpStatusCode.Accepted, (await partner.PostAsync("api/inbound/dvcqg/danh-gia", InboundRestTests.Body(InboundRestTests.Evaluation("later-1", "H56.01-261128-0202")))).StatusCode);
        }

        await Eventually.ReturnsAsync(() => EvaluationsRoutedAsync(database), n => n == 1, Patience, "a later push routed");
        Assert.Equal(2, (await ParkedRowAsync(database, id)).Attempts);

        var discard = await admin.PostAsJsonAsync("api/inbox/parked/discard", new { ids = new[] { other }, reason = "partner resent it as another message" });
        Assert.Equal(1, (await discard.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("affected").GetInt32());
        Assert.Equal("discarded", (await ParkedRowAsync(database, other)).State);

        await PaymentTestKit.ScalarAsync(database, "update hub.inbox set business_key = replace(business_key, '-POISON', ''), payload = replace(payload, '-POISON', '') where id = @id returning id", ("id", id));
        var replay = await admin.PostAsJsonAsync("api/inbox/parked/replay", new { all = true, reason = "poison mark removed, ticket 42" });
        var result = await replay.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(replay.StatusCode == HttpStatusCode.OK, result.ToString());
        Assert.Equal((1, TestHub.AdminUser), (result.GetProperty("affected").GetInt32(), result.GetProperty("operator").GetString()));

        await Eventually.ReturnsAsync(() => PaymentTestKit.ScalarAsync(database, "select count(*) from hub.messages where version = 'inbound:poison-2'"), n => n == 1, Patience, "the fixed message routed");
        Assert.Equal("replayed", (await ParkedRowAsync(database, id)).State);
        Assert.Equal("discarded", (await ParkedRowAsync(database, other)).State);
        Assert.Equal(0, await PaymentTestKit.ScalarAsync(database, "select count(*) from hub.messages where version = 'inbound:poison-3'"));
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>("api/inbox/parked")).GetProperty("total").GetInt32());
        Assert.Equal(1, await PaymentTestKit.ScalarAsync(database,
            "select count(*) from hub.operator_actions where action = 'inbox-replay' and operator = @operator and reason = 'poison mark removed, ticket 42'", ("operator", TestHub.AdminUser)));
        var (_, ready) = await ReadinessAsync(hub.BaseAddress);
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("inbox-routing").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_database_failure_while_routing_parks_nothing_and_routing_resumes_after_it()
    {
        var database = await cluster.CreateDatabaseAsync();
        var logs = new CapturedLogs();
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(database), logging: logs.AddTo);

        // What a restart of PostgreSQL answers (57P01 admin_shutdown), raised while messages are stored: not the messages' fault.
        await ExecuteAsync(database, """
            create table public.simulated_outage (code text);
            insert into public.simulated_outage values ('57P01');
            create function public.simulate_outage() returns trigger language plpgsql as $$
            declare failure text;
            begin
                select code into failure from public.simulated_outage;
                if failure is not null then raise exception 'simulated outage' using errcode = failure; end if;
                return new;
            end $$;
            create trigger simulate_outage before insert on hub.messages for each row execute function public.simulate_outage();
            """);
        var ids = await InsertAsync(database, ("outage-1", Evaluation("H56.01-261128-0301", "tốt")), ("outage-2", Evaluation("H56.01-261128-0302", "tốt")));
        await Eventually.HoldsAsync(() => logs.Lines.Any(l => l.Contains("Inbox routing paused", StringComparison.Ordinal) && l.Contains("57P01", StringComparison.Ordinal)), Patience, "the router meeting the outage");
        Assert.Equal(0, await PaymentTestKit.ScalarAsync(database, "select count(*) from hub.inbox_parked"));
        Assert.Equal(2, await PaymentTestKit.ScalarAsync(database, "select count(*) from hub.inbox_unrouted where inbox_id = any(@ids)", ("ids", ids.Values.ToArray())));

        await ExecuteAsync(database, "update public.simulated_outage set code = null");
        await Eventually.ReturnsAsync(() => EvaluationsRoutedAsync(database), n => n == 2, Patience, "both messages routed after the outage");
        Assert.Equal(0, await PaymentTestKit.ScalarAsync(database, "select count(*) from hub.inbox_parked"));
    }

    [Fact]
    public async Task A_row_a_trigger_refuses_with_any_other_error_is_parked_and_the_rest_are_routed()
    {
        var database = await cluster.CreateDatabaseAsync();
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(database));

        // P0001 (raise_exception) is no data exception: the row is still the cause, so it is parked, not retried forever.
        await ExecuteAsync(database, """
            create function public.refuse_one() returns trigger language plpgsql as $$
            begin
                if new.business_key = 'H56.01-261128-0599' then raise exception 'refused by a rule' using errcode = 'P0001'; end if;
                return new;
            end $$;
            create trigger refuse_one before insert on hub.messages for each row execute function public.refuse_one();
            """);
        var ids = await InsertAsync(database,
            ("rule-1", Evaluation("H56.01-261128-0598", "tốt")), ("rule-2", Evaluation("H56.01-261128-0599", "tốt")), ("rule-3", Evaluation("H56.01-261128-0600", "tốt")));

        await Eventually.ReturnsAsync(() => EvaluationsRoutedAsync(database), n => n == 2, Patience, "the two other messages routed");
        var parked = await ParkedRowAsync(database, ids["rule-2"]);
        Assert.Equal(("parked", "P0001"), (parked.State, parked.Code));
    }

    [Theory]
    [InlineData("42P01")] // a missing or renamed table
    [InlineData("42501")] // a revoked grant
    [InlineData("42703")]
    [InlineData("0A000")]
    [InlineData("25006")]
    [InlineData("28000")]
    [InlineData("3D000")]
    [InlineData("3F000")]
    [InlineData("55P03")]
    [InlineData("55006")]
    [InlineData("F0000")]
    [InlineData("57P01")]
    [InlineData("08006")]
    [InlineData("40P01")]
    [InlineData("53100")]
    [InlineData("58030")]
    [InlineData("XX000")]
    public void A_systemic_database_error_is_not_the_messages_fault(string sqlState)
    {
        Assert.False(InboxRoutingFailure.IsMessageFault(new PostgresException("refused", "ERROR", "ERROR", sqlState)));
    }

    [Theory]
    [InlineData("22P02")]
    [InlineData("22021")]
    [InlineData("23514")]
    [InlineData("23505")]
    [InlineData("54000")]
    [InlineData("P0001")]
    [InlineData("P0004")]
    [InlineData("44000")]
    [InlineData("2F005")]
    [InlineData("38001")]
    [InlineData("39P01")]
    [InlineData("21000")]
    [InlineData("27000")]
    [InlineData("09000")]
    [InlineData("20000")]
    public void A_data_error_is_the_messages_fault(string sqlState)
    {
        Assert.True(InboxRoutingFailure.IsMessageFault(new PostgresException("refused", "ERROR", "ERROR", sqlState)));
    }

    [Fact]
    public async Task A_renamed_hub_table_while_routing_parks_nothing_and_routing_resumes_once_it_is_restored()
    {
        var database = await cluster.CreateDatabaseAsync();
        var logs = new CapturedLogs();
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(database), logging: logs.AddTo);

        // 42P01 for every message alike: before, each one was narrowed down and parked, emptying the queue into parking.
        await ExecuteAsync(database, "alter table hub.record_versions rename to record_versions_moved");
        var ids = await InsertAsync(database,
            ("renamed-1", Evaluation("H56.01-261128-0701", "tốt")), ("renamed-2", Evaluation("H56.01-261128-0702", "tốt")), ("renamed-3", Evaluation("H56.01-261128-0703", "tốt")));
        await Eventually.HoldsAsync(() => logs.Lines.Any(l => l.Contains("Inbox routing paused", StringComparison.Ordinal) && l.Contains("42P01", StringComparison.Ordinal)), Patience, "the router meeting the missing table");
        Assert.Equal(0, await PaymentTestKit.ScalarAsync(database, "select count(*) from hub.inbox_parked"));
        Assert.Equal(3, await PaymentTestKit.ScalarAsync(database, "select count(*) from hub.inbox_unrouted where inbox_id = any(@ids)", ("ids", ids.Values.ToArray())));

        await ExecuteAsync(database, "alter table hub.record_versions_moved rename to record_versions");
        await Eventually.ReturnsAsync(() => EvaluationsRoutedAsync(database), n => n == 3, Patience, "the messages routed once the table is back");
        Assert.Equal(0, await PaymentTestKit.ScalarAsync(database, "select count(*) from hub.inbox_parked"));
    }

    [Fact]
    public async Task A_refused_right_while_routing_parks_nothing_and_its_error_is_logged_masked()
    {
        var database = await cluster.CreateDatabaseAsync();
        var logs = new CapturedLogs();
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(database), logging: logs.AddTo);

        // What a revoked grant answers (42501), in a text that quotes a personal id, as a DBA's trigger might.
        await ExecuteAsync(database, $"""
            create function public.refuse_all() returns trigger language plpgsql as $$
            begin raise exception 'permission denied while storing CCCD {PersonalId}' using errcode = '42501'; end $$;
            create trigger refuse_all before insert on hub.messages for each row execute function public.refuse_all();
            """);
        var ids = await InsertAsync(database, ("right-1", Evaluation("H56.01-261128-0711", "tốt")), ("right-2", Evaluation("H56.01-261128-0712", "tốt")));
        await Eventually.HoldsAsync(() => logs.Lines.Any(l => l.Contains("Inbox routing paused", StringComparison.Ordinal) && l.Contains("42501", StringComparison.Ordinal)), Patience, "the router meeting the refused right");
        Assert.Equal(0, await PaymentTestKit.ScalarAsync(database, "select count(*) from hub.inbox_parked"));
        Assert.Equal(2, await PaymentTestKit.ScalarAsync(database, "select count(*) from hub.inbox_unrouted where inbox_id = any(@ids)", ("ids", ids.Values.ToArray())));
        Assert.DoesNotContain(logs.Lines, l => l.Contains(PersonalId, StringComparison.Ordinal));

        await ExecuteAsync(database, "drop trigger refuse_all on hub.messages");
        await Eventually.ReturnsAsync(() => EvaluationsRoutedAsync(database), n => n == 2, Patience, "the messages routed once the right is back");
        Assert.Equal(0, await PaymentTestKit.ScalarAsync(database, "select count(*) from hub.inbox_parked"));
    }

    [Fact]
    public async Task Every_message_of_a_batch_failing_in_the_hubs_own_code_parks_none_and_the_batch_goes_back_on_the_queue()
    {
        var database = await cluster.CreateDatabaseAsync();
        var settings = TestHub.BaseSettings(database);
        settings["Inbound:RoutingEnabled"] = "false";
        await using var hub = await TestHub.StartAsync(settings);
        var ids = await InsertAsync(database,
            ("defect-1", Evaluation("H56.01-261128-0721", "tốt")), ("defect-2", Evaluation("H56.01-261128-0722", "tốt")), ("defect-3", Evaluation("H56.01-261128-0723", "tốt")));

        // A defect: this router's flow settings lack the flow its messages go to, so its code fails for every message.
        var defective = Router(hub, CatalogWithout(hub, "evaluations"));
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => defective.RouteBatchAsync(new HashSet<(string, string)>(), CancellationToken.None));
        Assert.Contains(nameof(KeyNotFoundException), failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, await PaymentTestKit.ScalarAsync(database, "select count(*) from hub.inbox_parked"));
        Assert.Equal(3, await PaymentTestKit.ScalarAsync(database, "select count(*) from hub.inbox_unrouted where inbox_id = any(@ids)", ("ids", ids.Values.ToArray())));

        // Fixed, the same batch routes.
        Assert.Equal(3, await Router(hub, hub.Services.GetRequiredService<FlowCatalog>()).RouteBatchAsync(new HashSet<(string, string)>(), CancellationToken.None));
        Assert.Equal(3, await EvaluationsRoutedAsync(database));
    }

    [Fact]
    public async Task Messages_failing_in_the_hubs_own_code_beside_routed_ones_are_parked()
    {
        var database = await cluster.CreateDatabaseAsync();
        var settings = TestHub.BaseSettings(database);
        settings["Inbound:RoutingEnabled"] = "false";
        await using var hub = await TestHub.StartAsync(settings);
        var ids = await InsertAsync(database, ("own-1", Evaluation("H56.01-261128-0731", "tốt")), ("own-2", Evaluation("H56.01-261128-0732", "tốt")));
        await InsertAsync(database, "payment-platform", "callbacks", ("own-paid", """{"MaHoSo":"H56.01-261128-0733","SoTien":10000}"""));

        // Not every message failed, so the code refused these records, not every record: they are parked.
        Assert.Equal(3, await Router(hub, CatalogWithout(hub, "evaluations")).RouteBatchAsync(new HashSet<(string, string)>(), CancellationToken.None));
        Assert.Equal(1, await PaymentTestKit.ScalarAsync(database, "select count(*) from hub.messages where flow_id = 'payments'"));
        foreach (var id in ids.Values)
        {
            Assert.Equal(("parked", nameof(KeyNotFoundException)), ((await ParkedRowAsync(database, id)).State, (await ParkedRowAsync(database, id)).Code));
        }
    }

    [Fact]
    public async Task A_personal_id_in_an_exception_the_router_meets_is_masked_in_its_log()
    {
        var database = await cluster.CreateDatabaseAsync();
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(database));
        var logs = new CapturedLogs();
        using var loggers = LoggerFactory.Create(logs.AddTo);
        var clock = new DefectiveClock($"clock read while routing the dossier of CCCD {PersonalId}");
        var router = Router(hub, hub.Services.GetRequiredService<FlowCatalog>(), clock, loggers.CreateLogger<InboxRouter>());

        await router.StartAsync(CancellationToken.None);
        try
        {
            // A defect of the router's own (here its clock), not the database's: the catch-all logs it.
            clock.Break();
            await Eventually.HoldsAsync(() => logs.Lines.Any(l => l.Contains("Inbox routing failed", StringComparison.Ordinal)), Patience, "the router logging its defect");
        }
        finally
        {
            clock.Repair();
            await router.StopAsync(CancellationToken.None);
        }

        var logged = logs.Lines.First(l => l.Contains("Inbox routing failed", StringComparison.Ordinal));
        Assert.Contains("clock read while routing", logged, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Lines, l => l.Contains(PersonalId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_parked_inbox_action_with_an_unknown_field_is_refused_400_and_changes_nothing()
    {
        var database = await cluster.CreateDatabaseAsync();
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(database));
        using var admin = TestHub.AdminClient(hub);

        // "flow" is no criterion here: ignored, it would have widened a discard meant for one flow to every parked message.
        var response = await admin.PostAsync("api/inbox/parked/discard", JsonBody("""{"all":true,"flow":"evaluations","reason":"only the evaluations"}"""));

        await InboundRestTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "malformed_json");
        Assert.Equal(0, await PaymentTestKit.ScalarAsync(database, "select count(*) from hub.operator_actions"));
    }

    [Fact]
    public async Task A_parked_inbox_action_body_over_64_KiB_is_refused_413_and_changes_nothing()
    {
        var database = await cluster.CreateDatabaseAsync();
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(database));
        using var admin = TestHub.AdminClient(hub);

        var response = await admin.PostAsync("api/inbox/parked/replay", JsonBody($$"""{"ids":[1],"reason":"{{new string('x', 70_000)}}"}"""));

        await InboundRestTests.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "body_too_large");
        Assert.Equal(0, await PaymentTestKit.ScalarAsync(database, "select count(*) from hub.operator_actions"));
    }

    [Fact]
    public async Task The_dashboard_acts_on_every_parked_message_only_when_all_is_chosen_not_when_none_is_ticked()
    {
        var database = await cluster.CreateDatabaseAsync();
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(database));
        await RefusePoisonAsync(database);
        var ids = await InsertAsync(database, ("dash-1", Poison("H56.01-261128-0741")), ("dash-2", Poison("H56.01-261128-0742")));
        await Eventually.ReturnsAsync(() => PaymentTestKit.ScalarAsync(database, "select count(*) from hub.inbox_parked where state = 'parked'"), n => n == 2, Patience, "both poisons parked");

        // One stray click on Discard with nothing ticked: before, every parked message was discarded.
        var (status, location) = await DashboardActAsync(hub, ("action", "discard"), ("reason", "stray click"));
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Contains("error=", location, StringComparison.Ordinal);
        Assert.Equal(0, await PaymentTestKit.ScalarAsync(database, "select count(*) from hub.operator_actions"));
        Assert.Equal(2, await PaymentTestKit.ScalarAsync(database, "select count(*) from hub.inbox_parked where state = 'parked'"));

        // "all" chosen on purpose acts on every parked message.
        (status, location) = await DashboardActAsync(hub, ("action", "discard"), ("all", "true"), ("reason", "partner resends both"));
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Contains("done=", location, StringComparison.Ordinal);
        Assert.Equal(2, await PaymentTestKit.ScalarAsync(database, "select count(*) from hub.inbox_parked where state = 'discarded' and inbox_id = any(@ids)", ("ids", ids.Values.ToArray())));
    }

    [Fact]
    public async Task A_NUL_in_a_dashboard_parked_action_reason_is_refused_400_not_500()
    {
        var database = await cluster.CreateDatabaseAsync();
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(database));

        // The form reader refuses a NUL before the antiforgery check has its token: that was an unhandled exception.
        var (status, _) = await DashboardActAsync(hub, ("action", "discard"), ("all", "true"), ("reason", "ticket\u00007"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(0, await PaymentTestKit.ScalarAsync(database, "select count(*) from hub.operator_actions"));
    }

    [Fact]
    public async Task A_decomposed_dashboard_parked_action_reason_is_recorded_in_NFC()
    {
        var database = await cluster.CreateDatabaseAsync();
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(database));
        await RefusePoisonAsync(database);
        var ids = await InsertAsync(database, ("dash-nfd", Poison("H56.01-261128-0751")));
        await Eventually.ReturnsAsync(() => PaymentTestKit.ScalarAsync(database, "select count(*) from hub.inbox_parked where state = 'parked'"), n => n == 1, Patience, "the poison parked");
        const string Reason = "Nguyễn gửi lại hồ sơ";

        var (status, location) = await DashboardActAsync(hub, ("action", "discard"), ("ids", ids["dash-nfd"].ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("reason", Reason.Normalize(System.Text.NormalizationForm.FormD)));

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Contains("done=", location, StringComparison.Ordinal);
        Assert.Equal(1, await PaymentTestKit.ScalarAsync(database, "select count(*) from hub.operator_actions where reason = @reason", ("reason", Reason.Normalize(System.Text.NormalizationForm.FormC))));
        Assert.Equal("discarded", (await ParkedRowAsync(database, ids["dash-nfd"])).State);
    }

    [Fact]
    public async Task Routable_messages_waiting_too_long_make_readiness_Degraded_and_raise_one_alert_but_a_disabled_flows_do_not()
    {
        var database = await cluster.CreateDatabaseAsync();
        var settings = TestHub.BaseSettings(database);
        settings["Inbound:RoutingEnabled"] = "false";
        settings["Flows:evaluations:Enabled"] = "false";
        await using var hub = await TestHub.StartAsync(settings);
        using var admin = TestHub.AdminClient(hub);
        var sweep = hub.Services.GetRequiredService<AlertSweep>();

        // The evaluations flow is disabled: its message waits by design, however old.
        await InsertAsync(database, ("waits-by-design", Evaluation("H56.01-261128-0401", "tốt")));
        await ExecuteAsync(database, "update hub.inbox_unrouted set queued_at = now() - interval '1 hour'");
        var (_, ready) = await ReadinessAsync(hub.BaseAddress);
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("inbox-routing").GetProperty("status").GetString());
        await sweep.RunAsync(CancellationToken.None);
        Assert.Equal(0, await AlertCountAsync(admin, "inbox_stalled"));

        // A fee-paid event the enabled payments flow reads, not routed for an hour (routing paused here).
        await InsertAsync(database, "payment-platform", "callbacks", ("paid-1", """{"MaHoSo":"H56.01-261128-0402","SoTien":10000}"""));
        await ExecuteAsync(database, "update hub.inbox_unrouted set queued_at = now() - interval '1 hour'");
        var (status, stalled) = await ReadinessAsync(hub.BaseAddress);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Degraded", stalled.GetProperty("status").GetString());
        var check = stalled.GetProperty("checks").GetProperty("inbox-routing");
        Assert.Equal("Degraded", check.GetProperty("status").GetString());
        Assert.Contains("Inbound:RoutingStallAge", check.GetProperty("description").GetString(), StringComparison.Ordinal);

        for (var i = 0; i < 3; i++)
        {
            await sweep.RunAsync(CancellationToken.None);
        }

        Assert.Equal(1, await AlertCountAsync(admin, "inbox_stalled"));
    }

    private static string Evaluation(string maHoSo, string text) =>
        JsonSerializer.Serialize(new { MaHoSo = maHoSo, DiemDanhGia = 5, NoiDungDanhGia = text, ThoiGianDanhGia = "20261128093000" });

    /// <summary>A message PostgreSQL refuses when the router moves it into its flow. The edge and the message store
    /// now turn every refusal they can foresee (text jsonb cannot hold, keys too long to index) into a 400 or a dead
    /// letter, so the refusal is a rule of the database's own (a check constraint, 23514), as a DBA or a later migration
    /// may add. It also quotes a personal id, which no admin listing may show.</summary>
    private static string Poison(string maHoSo) =>
        JsonSerializer.Serialize(new { MaHoSo = maHoSo + PoisonMark, DiemDanhGia = 1, NoiDungDanhGia = $"CCCD {PersonalId}", ThoiGianDanhGia = "20261128093000" });

    private static Task RefusePoisonAsync(string database) =>
        ExecuteAsync(database, $"alter table hub.messages add constraint refuse_poison check (business_key not like '%{PoisonMark}') not valid");

    private static Task<Dictionary<string, long>> InsertAsync(string database, params (string MessageId, string Payload)[] messages) =>
        InsertAsync(database, "dvcqg", "danh-gia", messages);

    /// <summary>Stores messages as the gateway does after a 202: the inbox row and its place on the routing queue, in one
    /// transaction.</summary>
    private static async Task<Dictionary<string, long>> InsertAsync(string database, string partner, string messageType, params (string MessageId, string Payload)[] messages)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            with input as (select * from unnest(@ids, @keys, @payloads) with ordinality as t(message_id, business_key, payload, ord)),
            inserted as (
                insert into hub.inbox (receipt_id, partner, message_type, partner_message_id, business_key, payload, payload_sha256, received_at)
                select gen_random_uuid(), @partner, @type, message_id, business_key, payload, sha256(convert_to(@type || payload, 'UTF8')), now()
                from input order by ord
                returning id, partner_message_id),
            queued as (insert into hub.inbox_unrouted (inbox_id, source) select id, @partner || ':' || @type from inserted)
            select partner_message_id, id from inserted
            """, connection);
        command.Parameters.AddWithValue("ids", messages.Select(m => m.MessageId).ToArray());
        command.Parameters.AddWithValue("keys", messages.Select(m => JsonDocument.Parse(m.Payload).RootElement.GetProperty("MaHoSo").GetString()!).ToArray());
        command.Parameters.AddWithValue("payloads", messages.Select(m => m.Payload).ToArray());
        command.Parameters.AddWithValue("partner", partner);
        command.Parameters.AddWithValue("type", messageType);
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids[reader.GetString(0)] = reader.GetInt64(1);
        }

        return ids;
    }

    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static Task<long> EvaluationsRoutedAsync(string database) =>
        PaymentTestKit.ScalarAsync(database, "select count(*) from hub.messages where flow_id = 'evaluations'");

    private static async Task<(string State, string Code, string Error, int Attempts)> ParkedRowAsync(string database, long inboxId)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select state, error_code, error, attempts from hub.inbox_parked where inbox_id = @id", connection);
        command.Parameters.AddWithValue("id", inboxId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3)) : ("none", string.Empty, string.Empty, 0);
    }

    /// <summary>A router of the hub's own parts but <paramref name="flows"/> (and its own signal, pressure and options),
    /// driven by the test.</summary>
    private static InboxRouter Router(HubHost hub, FlowCatalog flows, TimeProvider? clock = null, ILogger<InboxRouter>? logger = null)
    {
        var options = Options.Create(new InboundOptions());
        return new InboxRouter(
            hub.Services.GetRequiredService<NpgsqlDataSource>(), new InboxPressure(options), new InboxRouterSignal(), flows,
            hub.Services.GetRequiredService<InboxSources>(), hub.Services.GetRequiredService<DeliveryDispatcher>(),
            hub.Services.GetRequiredService<IntegrationHub.Host.Observability.HubTracing>(), hub.Services.GetRequiredService<IntegrationHub.Host.Observability.HubMetrics>(), options,
            clock ?? TimeProvider.System, logger ?? NullLogger<InboxRouter>.Instance, hub.Services.GetRequiredService<IntegrationHub.Host.PersonalData.PersonalDataPayloads>());
    }

    /// <summary>The hub's flow settings without <paramref name="flowId"/>'s.</summary>
    private static FlowCatalog CatalogWithout(HubHost hub, string flowId)
    {
        var kept = hub.Services.GetRequiredService<IConfiguration>().GetSection("Flows").GetChildren()
            .Where(flow => flow.Key != flowId)
            .SelectMany(flow => flow.AsEnumerable())
            .Where(setting => setting.Value is not null);
        return new FlowCatalog(new ConfigurationBuilder().AddInMemoryCollection(kept).Build(), new HubSchedulingOptions());
    }

    private static StringContent JsonBody(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    /// <summary>Posts the parked-inbox page's form as a browser does: the page first (its antiforgery cookie and token).</summary>
    private static async Task<(HttpStatusCode Status, string Location)> DashboardActAsync(HubHost hub, params (string Name, string Value)[] fields)
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = hub.BaseAddress };
        client.DefaultRequestHeaders.Authorization = TestHub.AdminClient(hub).DefaultRequestHeaders.Authorization;
        var page = await client.GetStringAsync("hangfire/inbox-parked");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]*)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        var form = fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", WebUtility.HtmlDecode(token)));
        using var response = await client.PostAsync("hangfire/inbox-parked/act", new FormUrlEncodedContent(form));
        return (response.StatusCode, response.Headers.Location?.ToString() ?? string.Empty);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ReadinessAsync(Uri hub)
    {
        using var client = new HttpClient { BaseAddress = hub };
        var response = await client.GetAsync("health/ready");
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    private static async Task<int> AlertCountAsync(HttpClient admin, string kind) =>
        (await admin.GetFromJsonAsync<JsonElement>("api/alerts")).EnumerateArray().Count(a => a.GetProperty("kind").GetString() == kind);

    /// <summary>A clock that, once broken, fails every reading with a message quoting a personal id: a defect of the
    /// router's own code, not the database's.</summary>
    private sealed class DefectiveClock(string failure) : TimeProvider
    {
        private int _broken;

        public void Break() => Volatile.Write(ref _broken, 1);

        public void Repair() => Volatile.Write(ref _broken, 0);

        public override DateTimeOffset GetUtcNow() => Volatile.Read(ref _broken) == 1 ? throw new InvalidOperationException(failure) : base.GetUtcNow();
    }
}
