using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IntegrationHub.Connectors.PaymentPlatform;
using IntegrationHub.Tests.Infrastructure;

namespace IntegrationHub.Tests.Payments;

/// <summary>INIT through the hub, the platform's callback (genuine, repeated, forged), QUERY for lost callbacks, and
/// the paid fee reaching iGate once — on real PostgreSQL and HTTP.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PaymentFlowTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_genuine_callback_delivered_three_times_marks_the_payment_paid_once_and_iGate_records_the_fee_once()
    {
        await using var rig = await PaymentRig.StartAsync(cluster);
        var (sandboxes, database, maHoSo, portal, admin) = (rig.Sandboxes, rig.Database, rig.MaHoSo, rig.Portal, rig.Admin);

        var (created, payment) = await PaymentTestKit.InitAsync(portal, "init-1", maHoSo, 150_000, 50_000);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var maThamChieu = payment.GetProperty("maThamChieu").GetString()!;
        Assert.Equal(200_000, payment.GetProperty("soTien").GetInt64());
        Assert.StartsWith(sandboxes.Platform.BaseAddress!.ToString(), payment.GetProperty("urlThanhToan").GetString());
        Assert.Equal(200_000, sandboxes.Platform.Find(maThamChieu)!.SoTien);

        var (repeated, again) = await PaymentTestKit.InitAsync(portal, "init-1", maHoSo, 150_000, 50_000);
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        Assert.Equal(maThamChieu, again.GetProperty("maThamChieu").GetString());
        Assert.Single(sandboxes.Platform.Payments());
        var (conflict, _) = await PaymentTestKit.InitAsync(portal, "init-1", maHoSo, 150_000);
        await Inbound.InboundRestTests.AssertProblemAsync(conflict, HttpStatusCode.Conflict, "message_id_conflict");

        var first = await sandboxes.Platform.PayAsync(maThamChieu);
        Assert.Equal(200, first.Delivery!.HttpStatus);
        Assert.Equal(PaymentErrorCodes.Success, first.Delivery.Reply!.MaLoi);
        Assert.True(first.Delivery.ReplySigned, "the hub's reply carries a valid MaXacThuc");
        var state = await PaymentTestKit.PaymentStateAsync(database, maThamChieu);
        for (var i = 0; i < 2; i++)
        {
            var repeat = await sandboxes.Platform.SendCallbackAgainAsync(maThamChieu);
            Assert.Equal(200, repeat.HttpStatus);
            Assert.Equal(PaymentErrorCodes.Success, repeat.Reply!.MaLoi);
        }

        var stored = await admin.GetFromJsonAsync<JsonElement>($"api/payments/{maThamChieu}");
        Assert.Equal("paid", stored.GetProperty("status").GetString());
        Assert.Equal("callback", stored.GetProperty("settledBy").GetString());
        Assert.Equal(first.Callback.MaGiaoDich, stored.GetProperty("maGiaoDich").GetString());

        await Eventually.ReturnsAsync(() => Task.FromResult(sandboxes.IGate.Dossiers.Payments(maHoSo).Count), n => n == 1, Patience, "the fee recorded at iGate");
        await Eventually.ReturnsAsync(() => FlowCountAsync(admin, "payments", "delivered"), n => n == 1, Patience, "the payments flow delivered");
        Assert.Equal(state, await PaymentTestKit.PaymentStateAsync(database, maThamChieu));
        Assert.Equal(1, sandboxes.IGate.PaymentWriteCounts()[maThamChieu]);
        Assert.Equal(200_000, sandboxes.IGate.Dossiers.Payments(maHoSo).Single().SoTien);
        Assert.Equal(1, await PaymentTestKit.ScalarAsync(database, "select count(*) from hub.messages where flow_id = 'payments'"));
    }

    [Fact]
    public async Task Forged_or_wrong_callbacks_are_refused_in_the_platform_shape_and_change_nothing()
    {
        await using var rig = await PaymentRig.StartAsync(cluster);
        var (sandboxes, database, maHoSo, portal) = (rig.Sandboxes, rig.Database, rig.MaHoSo, rig.Portal);
        using var http = new HttpClient { BaseAddress = rig.Hub.BaseAddress };
        var (_, payment) = await PaymentTestKit.InitAsync(portal, "init-2", maHoSo, 80_000);
        var maThamChieu = payment.GetProperty("maThamChieu").GetString()!;
        await sandboxes.Platform.PayAsync(maThamChieu, sendCallback: false);
        var genuine = sandboxes.Platform.SignedCallback(maThamChieu);
        var before = await PaymentTestKit.PaymentStateAsync(database, maThamChieu);

        var cases = new (string Name, string Body, HttpStatusCode Status, string MaLoi)[]
        {
            ("amount changed, old hash", Json(genuine with { SoTien = 8_000 }), HttpStatusCode.Unauthorized, PaymentErrorCodes.BadHash),
            ("wrong hash", Json(genuine with { MaXacThuc = new string('a', 64) }), HttpStatusCode.Unauthorized, PaymentErrorCodes.BadHash),
            ("signed with another secret", Json(Signed(genuine, "not-the-platform-secret")), HttpStatusCode.Unauthorized, PaymentErrorCodes.BadHash),
            ("other partner", Json(Signed(genuine with { MaDoiTac = "KHAC" }, TestHub.PaymentSecret)), HttpStatusCode.Unauthorized, PaymentErrorCodes.UnknownPartner),
            ("amount changed, valid hash", Json(Signed(genuine with { SoTien = 8_000 }, TestHub.PaymentSecret)), HttpStatusCode.Conflict, PaymentErrorCodes.InvalidField),
            ("unknown reference", Json(Signed(genuine with { MaThamChieu = "HUB000000KHONGCO" }, TestHub.PaymentSecret)), HttpStatusCode.NotFound, PaymentErrorCodes.NotFound),
            ("malformed json", "{\"MaLoi\": \"00\", ", HttpStatusCode.BadRequest, PaymentErrorCodes.InvalidField),
            ("unknown field", Json(genuine).Replace("{", "{\"TraLai\":1,", StringComparison.Ordinal), HttpStatusCode.BadRequest, PaymentErrorCodes.InvalidField),
            // The same joined text cut at another '|': a matching hash, refused because a field holds the separator.
            ("fields shifted across '|'", Json(Signed(genuine with { MaGiaoDich = genuine.MaGiaoDich + "|" + genuine.MaNganHang, MaNganHang = string.Empty }, TestHub.PaymentSecret)),
                HttpStatusCode.BadRequest, PaymentErrorCodes.InvalidField),
            ("another message type", Json(Signed(genuine with { LoaiBanTin = "QUERY" }, TestHub.PaymentSecret)), HttpStatusCode.BadRequest, PaymentErrorCodes.InvalidField),
        };
        foreach (var (name, body, status, maLoi) in cases)
        {
            var response = await http.PostAsync("api/payments/callback", new StringContent(body, Encoding.UTF8, "application/json"));
            var reply = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(status == response.StatusCode, $"{name}: {(int)response.StatusCode} {reply}");
            Assert.Equal(maLoi, reply.GetProperty("MaLoi").GetString());
            Assert.False(string.IsNullOrEmpty(reply.GetProperty("MaXacThuc").GetString()), name);
            Assert.DoesNotContain("TraLai", reply.GetProperty("MoTaLoi").GetString(), StringComparison.Ordinal); // nothing of the request is signed back
            Assert.Equal(before, await PaymentTestKit.PaymentStateAsync(database, maThamChieu));
        }

        // The payment is minutes old: QUERY leaves it to the callback (the window starts at 30 minutes).
        var young = await (await rig.Admin.PostAsync("api/payments/query-open", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, young.GetProperty("queried").GetInt32());

        // The genuine one still works afterwards.
        var ok = await sandboxes.Platform.SendCallbackAgainAsync(maThamChieu);
        Assert.Equal(PaymentErrorCodes.Success, ok.Reply!.MaLoi);
        Assert.StartsWith("paid|", await PaymentTestKit.PaymentStateAsync(database, maThamChieu));
    }

    [Fact]
    public async Task A_payment_whose_callback_was_lost_is_settled_by_QUERY_and_its_receipt_read_with_GET_BILL()
    {
        await using var rig = await PaymentRig.StartAsync(cluster, settings => settings["Payments:QueryMinAge"] = "00:00:00");
        var (sandboxes, database, maHoSo, portal, admin) = (rig.Sandboxes, rig.Database, rig.MaHoSo, rig.Portal, rig.Admin);
        var references = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var (_, payment) = await PaymentTestKit.InitAsync(portal, $"init-q{i}", maHoSo, 10_000 * (i + 1));
            references.Add(payment.GetProperty("maThamChieu").GetString()!);
        }

        await sandboxes.Platform.PayAsync(references[0], sendCallback: false);
        await sandboxes.Platform.FailAsync(references[1], sendCallback: false);
        var unpaid = await admin.GetAsync($"api/payments/{references[0]}/bill");
        Assert.Equal(HttpStatusCode.Conflict, unpaid.StatusCode);

        var pass = await (await admin.PostAsync("api/payments/query-open", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, pass.GetProperty("queried").GetInt32());
        Assert.Equal(1, pass.GetProperty("paid").GetInt32());
        Assert.Equal(1, pass.GetProperty("failed").GetInt32());
        Assert.Equal(1, pass.GetProperty("pending").GetInt32());
        Assert.Equal("query", (await admin.GetFromJsonAsync<JsonElement>($"api/payments/{references[0]}")).GetProperty("settledBy").GetString());
        Assert.Equal("failed", (await admin.GetFromJsonAsync<JsonElement>($"api/payments/{references[1]}")).GetProperty("status").GetString());
        Assert.Equal("created", (await admin.GetFromJsonAsync<JsonElement>($"api/payments/{references[2]}")).GetProperty("status").GetString());

        var bill = await admin.GetFromJsonAsync<JsonElement>($"api/payments/{references[0]}/bill");
        Assert.Contains(references[0], bill.GetRawText(), StringComparison.Ordinal);
        await Eventually.ReturnsAsync(() => Task.FromResult(sandboxes.IGate.Dossiers.Payments(maHoSo).Count), n => n == 1, Patience, "the queried payment at iGate");
        Assert.Equal(references[0], sandboxes.IGate.Dossiers.Payments(maHoSo).Single().MaThamChieu);

        // A second pass finds nothing new to settle: the late callback for the queried payment changes nothing either.
        var second = await (await admin.PostAsync("api/payments/query-open", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, second.GetProperty("queried").GetInt32());
        Assert.Equal(PaymentErrorCodes.Success, (await sandboxes.Platform.SendCallbackAgainAsync(references[0])).Reply!.MaLoi);
        Assert.Equal(1, await PaymentTestKit.ScalarAsync(database, "select count(*) from hub.messages where flow_id = 'payments'"));
    }

    [Fact]
    public async Task Paid_events_wait_while_the_payments_flow_is_disabled_and_reach_iGate_once_it_is_enabled()
    {
        await using var sandboxes = await PaymentSandboxes.StartAsync();
        var maHoSo = sandboxes.IGate.Dossiers.Generate(1, 1)[0];
        var database = await cluster.CreateDatabaseAsync();
        var settings = TestHub.BaseSettings(database);
        sandboxes.ApplyTo(settings);
        string paid;
        settings["Flows:payments:Enabled"] = "false";
        await using (var held = await TestHub.StartAsync(settings))
        {
            sandboxes.CallBack(held);
            using var portal = PaymentTestKit.PortalClient(held);
            var (_, payment) = await PaymentTestKit.InitAsync(portal, "init-held", maHoSo, 70_000);
            paid = payment.GetProperty("maThamChieu").GetString()!;
            Assert.Equal(PaymentErrorCodes.Success, (await sandboxes.Platform.PayAsync(paid)).Delivery!.Reply!.MaLoi);

            // An evaluation pushed after it is routed: the router has passed the paid event by, and left it queued.
            using var dvcqg = Inbound.InboundRestTests.PartnerClient(held);
            Assert.Equal(HttpStatusCode.Accepted, (await dvcqg.PostAsync("/api/inbound/dvcqg/danh-gia", Inbound.InboundRestTests.Body(Inbound.InboundRestTests.Evaluation("dg-held", maHoSo)))).StatusCode);
            await Eventually.ReturnsAsync(() => PaymentTestKit.ScalarAsync(database, "select count(*) from hub.messages where flow_id = 'evaluations'"), n => n == 1, Patience, "the evaluation routed");
            Assert.Equal(1, await PaymentTestKit.ScalarAsync(database, "select count(*) from hub.inbox_unrouted"));
            Assert.Equal(0, await PaymentTestKit.ScalarAsync(database, "select count(*) from hub.messages where flow_id = 'payments'"));
        }

        settings["Flows:payments:Enabled"] = "true";
        await using var hub = await TestHub.StartAsync(settings);
        await Eventually.ReturnsAsync(() => Task.FromResult(sandboxes.IGate.Dossiers.Payments(maHoSo).Count), n => n == 1, Patience, "the held payment at iGate");
        Assert.Equal(paid, sandboxes.IGate.Dossiers.Payments(maHoSo).Single().MaThamChieu);
        Assert.Equal(0, await PaymentTestKit.ScalarAsync(database, "select count(*) from hub.inbox_unrouted"));
    }

    internal static async Task<long> FlowCountAsync(HttpClient admin, string flowId, string count)
    {
        var flows = await admin.GetFromJsonAsync<JsonElement>("api/flows");
        return flows.EnumerateArray().Single(f => f.GetProperty("id").GetString() == flowId).GetProperty("counts").GetProperty(count).GetInt64();
    }

    private static PaymentCallback Signed(PaymentCallback callback, string secret) => callback with { MaXacThuc = PaymentHash.Callback(callback, secret) };

    private static string Json(PaymentCallback callback) => JsonSerializer.Serialize(callback, JsonSerializerOptions.Default);
}
