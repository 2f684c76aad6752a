using System.Net;
using System.Net.Http.Json;
using System.ServiceModel;
using System.Text;
using System.Text.Json;
using IntegrationHub.Connectors.PaymentPlatform;
using IntegrationHub.Contracts;
using IntegrationHub.Host.Inbound.Soap;
using IntegrationHub.Host.Storage;
using IntegrationHub.Tests.Infrastructure;
using Npgsql;

namespace IntegrationHub.Tests.Security;

/// <summary>Issue 10 #2(a) and #3: text PostgreSQL cannot store (an unpaired surrogate escape, invalid UTF-8 bytes,
/// <c>\u0000</c>) is refused at every edge that takes it — 400 <c>invalid_text</c> (a Fault, or MaLoi 01, in those
/// endpoints' shapes) before anything is stored — instead of a 202 that later stops the inbox router, or a 500.</summary>
[Collection(PostgresCollection.Name)]
public sealed class StorableTextTests(PostgresCluster cluster, EdgeRigFixture fixture) : IClassFixture<EdgeRigFixture>
{
    private const string Push = "/api/inbound/dvcqg/danh-gia";

    [Fact]
    public async Task A_lone_surrogate_in_a_pushed_text_field_is_refused_400_invalid_text()
    {
        await ExpectPushRefusedAsync(Evaluation("txt-1", "H56.01-261128-0901", noiDung: "a\\ud800b"));
    }

    [Fact]
    public async Task A_NUL_escape_in_a_pushed_text_field_is_refused_400_invalid_text()
    {
        await ExpectPushRefusedAsync(Evaluation("txt-2", "H56.01-261128-0902", noiDung: "tận tình\\u0000"));
    }

    [Fact]
    public async Task Invalid_UTF8_bytes_in_a_pushed_string_are_refused_400_invalid_text_not_500()
    {
        var body = Evaluation("txt-3", "H56.01-261128-0903", noiDung: "@@");
        var at = body.AsSpan().IndexOf("@@"u8);
        body[at] = 0xC3; // a lead byte followed by '(' : not UTF-8
        body[at + 1] = (byte)'(';
        await ExpectPushRefusedAsync(body);
    }

    [Fact]
    public async Task A_lone_low_surrogate_in_MaHoSo_is_refused_400_invalid_text_not_500()
    {
        await ExpectPushRefusedAsync(Evaluation("txt-4", "H56\\udc00", noiDung: "tốt"));
    }

    [Fact]
    public async Task A_noncharacter_with_no_normal_form_is_stored_as_sent_not_a_500()
    {
        // U+FFFE is storable, but .NET refuses to normalize it: found by the fuzz tests as a 500.
        var rig = await fixture.GetAsync(cluster);
        var response = await rig.Partner.PostAsync(Push, Json(Evaluation("txt-6", "H56.01-261128-0906", noiDung: "x\\ufffey")));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(1, await rig.ScalarAsync("select count(*) from hub.inbox where partner_message_id = 'txt-6' and payload::jsonb->>'NoiDungDanhGia' = @text", ("text", "x\ufffey")));
        // Routed before the next test counts rows.
        await Eventually.ReturnsAsync(() => rig.ScalarAsync("select count(*) from hub.inbox_unrouted"), n => n == 0, TimeSpan.FromSeconds(30), "the message routed");
    }

    [Fact]
    public async Task A_property_sent_twice_is_refused_400_duplicate_field()
    {
        // Which MaHoSo is the key, which one is stored? Neither: the partner is told to send it once.
        var body = Encoding.UTF8.GetBytes("""{"messageId":"txt-5","data":{"MaHoSo":"H56.01-261128-0905","MaHoSo":"H56.01-261128-9999","DiemDanhGia":5,"ThoiGianDanhGia":"20261128093000"}}""");
        await ExpectPushRefusedAsync(body, "duplicate_field");
    }

    [Fact]
    public async Task A_lone_surrogate_in_SOAP_DataJson_is_a_Fault_with_code_invalid_text()
    {
        var rig = await fixture.GetAsync(cluster);
        var before = await InboxCounts.ReadAsync(rig.Database);
        var factory = new ChannelFactory<IInboundSoapService>(new BasicHttpBinding(), new EndpointAddress(new Uri(rig.Hub.BaseAddress, InboundSoapNamespace.Path.TrimStart('/'))));
        factory.Endpoint.EndpointBehaviors.Add(new WcfHttpHandlerBehavior(inner =>
            new PartnerSigningHandler(TestHub.InboundPartnerKey, TestHub.InboundPartnerSecret, "dvcqg", inner)));
        try
        {
            var client = factory.CreateChannel();
            var fault = await Assert.ThrowsAsync<FaultException<InboundFault>>(() => client.Submit(new InboundSoapMessage
            {
                MessageType = "danh-gia",
                MessageId = "txt-soap-1",
                DataJson = """{"MaHoSo":"H56.01-261128-0906","DiemDanhGia":5,"NoiDungDanhGia":"a\ud800b","ThoiGianDanhGia":"20261128093000"}""",
            }));
            ((IClientChannel)client).Abort();
            Assert.Equal("invalid_text", fault.Detail.Code);
            Assert.Equal(400, fault.Detail.HttpStatus);
        }
        finally
        {
            factory.Abort();
        }

        Assert.Equal(before, await InboxCounts.ReadAsync(rig.Database));
    }

    [Fact]
    public async Task A_NUL_escape_in_a_payment_init_is_refused_400_invalid_text_and_no_payment_is_made()
    {
        var rig = await fixture.GetAsync(cluster);
        var payments = await rig.ScalarAsync("select count(*) from hub.payments");
        var body = Encoding.UTF8.GetBytes("""
            {"messageId":"txt-pay-1","data":{"MaHoSo":"H56.01-261128-0907","MaTTHC":"1.003560","HoTenNguoiNop":"Nguyễn Văn\u0000 An",
             "PhiLePhi":[{"TenPhiLePhi":"Lệ phí","SoTien":50000}]}}
            """);
        var response = await rig.Portal.PostAsync("/api/payments/init/cong-dvc", Json(body));
        await Inbound.InboundRestTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_text");
        Assert.Equal(payments, await rig.ScalarAsync("select count(*) from hub.payments"));
        Assert.Empty(rig.Payments.Platform.Payments());
    }

    [Fact]
    public async Task A_payment_callback_with_a_null_MaLoi_is_answered_MaLoi_01_not_500()
    {
        // Found by InputFuzzTests (seed 8511927079471119079,5681618448273797601): a null where text is declared reached
        // the verifier's MaLoi.Length.
        var rig = await fixture.GetAsync(cluster);
        var body = $$"""{"LoaiBanTin":"PAYMENT_RESULT","MaLoi":null,"MaDoiTac":"{{TestHub.PaymentPartnerCode}}","MaThamChieu":"HUB26112800000001","SoTien":120000,"MaTienTe":"VND","MaGiaoDich":"GD1","MaNganHang":"970436","ThoiGianGD":"20261205053725","ThongTinGiaoDich":"x","MaXacThuc":"00"}""";

        var response = await rig.Anonymous.PostAsync("/api/payments/callback", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(PaymentErrorCodes.InvalidField, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("MaLoi").GetString());
    }

    [Fact]
    public async Task A_NUL_escape_in_a_payment_callback_is_answered_MaLoi_01_not_99()
    {
        var rig = await fixture.GetAsync(cluster);
        // Correctly signed, so only its text can refuse it: before, the NUL reached PostgreSQL, which answered 503 "99".
        var callback = new PaymentCallback
        {
            LoaiBanTin = PaymentMessageTypes.PaymentResult, MaLoi = PaymentErrorCodes.Success, MaDoiTac = TestHub.PaymentPartnerCode,
            MaThamChieu = "HUB261128\u000000000001", SoTien = 50_000, MaTienTe = "VND", MaGiaoDich = "GD1", MaNganHang = "VCB",
            ThoiGianGD = "20261128093000", ThongTinGiaoDich = "Thanh toan phi",
        };
        callback = callback with { MaXacThuc = PaymentHash.Callback(callback, TestHub.PaymentSecret) };
        var state = await rig.ScalarAsync("select count(*) from hub.payments where status = 'paid'");

        var response = await rig.Anonymous.PostAsync("/api/payments/callback",
            new StringContent(JsonSerializer.Serialize(callback, JsonSerializerOptions.Default), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var reply = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(PaymentErrorCodes.InvalidField, reply.GetProperty("MaLoi").GetString());
        Assert.Contains("invalid_text", reply.GetProperty("MoTaLoi").GetString(), StringComparison.Ordinal);
        Assert.Equal(state, await rig.ScalarAsync("select count(*) from hub.payments where status = 'paid'"));
    }

    [Fact]
    public async Task A_NUL_escape_in_an_officer_lookup_is_refused_400_invalid_text_and_nobody_is_looked_up()
    {
        var rig = await fixture.GetAsync(cluster);
        var citizen = rig.Population.KnownCitizen(1);
        var asked = rig.Population.RequestCount;
        var audited = await rig.ScalarAsync("select count(*) from hub.citizen_lookups");
        var body = $$"""{"soDinhDanh":"{{citizen.SoDinhDanh}}","hoVaTen":"{{citizen.HoVaTen}}","ngaySinh":"{{citizen.NgaySinh[..4]}}-{{citizen.NgaySinh[4..6]}}-{{citizen.NgaySinh[6..]}}","maHoSo":"HS\u0000-1"}""";

        var response = await rig.Admin.PostAsync("api/citizen-lookups", Json(Encoding.UTF8.GetBytes(body)));

        await Inbound.InboundRestTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_text");
        Assert.Equal(asked, rig.Population.RequestCount);
        Assert.Equal(audited, await rig.ScalarAsync("select count(*) from hub.citizen_lookups"));
    }

    [Fact]
    public async Task A_NUL_escape_in_a_reveal_reason_is_refused_400_invalid_text_and_nothing_is_revealed()
    {
        var rig = await fixture.GetAsync(cluster);
        var store = (IntegrationHub.Connectors.PopulationDb.Citizens.CitizenLookupStore)rig.Hub.Services.GetService(typeof(IntegrationHub.Connectors.PopulationDb.Citizens.CitizenLookupStore))!;
        var id = await store.AddAsync(new IntegrationHub.Connectors.PopulationDb.Citizens.CitizenLookupEntry(DateTimeOffset.UtcNow, "flow:citizen-checks", "citizen-checks", null, "HS-TXT-1",
            "056085123485", "hash", "match", [], null, 12, """{"MaHoSo":"HS-TXT-1"}"""), CancellationToken.None);

        var response = await rig.Admin.PostAsync($"api/citizen-lookups/{id}/reveal", Json("""{"reason":"Đối chiếu khiếu nại\u0000 số 12/2026"}"""u8.ToArray()));

        await Inbound.InboundRestTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_text");
        Assert.DoesNotContain("056085123485", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await rig.ScalarAsync("select count(*) from hub.citizen_lookup_reveals where lookup_id = @id", ("id", id)));
    }

    [Fact]
    public async Task A_NUL_escape_in_a_parked_inbox_action_reason_is_refused_400_invalid_text_not_500()
    {
        var rig = await fixture.GetAsync(cluster);
        var actions = await rig.ScalarAsync("select count(*) from hub.operator_actions");

        // Bound by default, the reason reached the operator_actions insert, which PostgreSQL refused (22021): a 500.
        var response = await rig.Admin.PostAsync("api/inbox/parked/replay", Json("""{"ids":[1],"reason":"\u0000"}"""u8.ToArray()));

        await Inbound.InboundRestTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_text");
        Assert.Equal(actions, await rig.ScalarAsync("select count(*) from hub.operator_actions"));
    }

    [Fact]
    public async Task A_NUL_escape_in_a_dead_letter_replay_body_is_refused_400_invalid_text_not_500()
    {
        var rig = await fixture.GetAsync(cluster);
        var actions = await rig.ScalarAsync("select count(*) from hub.operator_actions");

        var response = await rig.Admin.PostAsync("api/dead-letters/replay", Json("""{"businessKey":"H56\u0000","reason":"thử lại sau khi sửa"}"""u8.ToArray()));

        await Inbound.InboundRestTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_text");
        Assert.Equal(actions, await rig.ScalarAsync("select count(*) from hub.operator_actions"));
    }

    [Fact]
    public async Task A_NUL_in_a_search_parameter_is_refused_400_invalid_text_not_500()
    {
        var rig = await fixture.GetAsync(cluster);
        foreach (var search in new[] { "api/messages?businessKey=H56%00", "api/dead-letters?businessKey=%00", "api/payments?maHoSo=%00", "api/citizen-lookups?dossier=%00" })
        {
            await Inbound.InboundRestTests.AssertProblemAsync(await rig.Admin.GetAsync(search), HttpStatusCode.BadRequest, "invalid_text");
        }
    }

    [Fact]
    public async Task A_source_record_with_a_lone_surrogate_escape_is_a_dead_letter_and_the_rest_of_its_batch_is_stored()
    {
        var rig = await fixture.GetAsync(cluster);
        var store = (MessageStore)rig.Hub.Services.GetService(typeof(MessageStore))!;
        var runId = await rig.ScalarAsync("insert into hub.flow_runs (flow_id, trigger, status, started_at) values ('procedures', 'test', 'running', now()) returning id");
        SourceRecord[] records =
        [
            new("TXT-SRC-1", """{"MaTTHC":"TXT-SRC-1","TenTTHC":"a\ud800b"}"""),
            new("TXT-SRC-2", """{"MaTTHC":"TXT-SRC-2","TenTTHC":"Cấp phép"}"""),
        ];

        // Before, jsonb refused the whole commit (22P02), so the flow failed at this page on every run.
        var created = await store.AppendAsync("procedures", runId, records, ["igate:procedures"], null, DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Equal(2, created);
        Assert.Equal(1, await rig.ScalarAsync(
            "select count(*) from hub.deliveries d join hub.messages m on m.id = d.message_id where m.record_key = 'TXT-SRC-1' and d.status = 'dead' and d.last_error_code = @code",
            ("code", PayloadCheck.ErrorCode)));
        Assert.Equal(1, await rig.ScalarAsync("select count(*) from hub.messages where record_key = 'TXT-SRC-2' and payload->>'TenTTHC' = 'Cấp phép'"));
    }

    [Fact]
    public async Task A_number_beyond_what_jsonb_holds_is_refused_400_invalid_number_not_accepted_and_parked()
    {
        var body = Encoding.UTF8.GetBytes("""{"messageId":"txt-num","data":{"MaHoSo":"H56.01-261128-0911","DiemDanhGia":1e200000,"ThoiGianDanhGia":"20261128093000"}}""");
        await ExpectPushRefusedAsync(body, "invalid_number");
    }

    [Fact]
    public async Task A_business_key_too_long_to_index_is_refused_400_invalid_field_not_accepted_and_parked()
    {
        // 8,000 characters fit the body limit, but PostgreSQL cannot index such a key (54000): it was accepted with
        // 202 and then failed when routed.
        await ExpectPushRefusedAsync(Evaluation("txt-long", "H56-" + new string('7', 8000), noiDung: "tốt"), "invalid_field");
    }

    [Fact]
    public async Task A_source_record_with_a_key_too_long_to_index_is_a_dead_letter_and_the_rest_of_its_batch_is_stored()
    {
        var rig = await fixture.GetAsync(cluster);
        var store = (MessageStore)rig.Hub.Services.GetService(typeof(MessageStore))!;
        var runId = await rig.ScalarAsync("insert into hub.flow_runs (flow_id, trigger, status, started_at) values ('procedures', 'test', 'running', now()) returning id");
        var longKey = "TXT-LONG-" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6000));
        SourceRecord[] records =
        [
            new(longKey, $$"""{"MaTTHC":"{{longKey}}","TenTTHC":"a"}"""),
            new("TXT-LONG-2", """{"MaTTHC":"TXT-LONG-2","TenTTHC":"Cấp phép"}"""),
        ];

        // Before, the index refused the whole commit (54000), so the flow failed at this page on every run.
        var created = await store.AppendAsync("procedures", runId, records, ["igate:procedures"], null, DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Equal(2, created);
        Assert.Equal(1, await rig.ScalarAsync(
            "select count(*) from hub.deliveries d join hub.messages m on m.id = d.message_id where m.record_key like 'TXT-LONG-%' and length(m.record_key) = @length and d.status = 'dead' and d.last_error_code = @code",
            ("length", MessageStore.MaxKeyLength), ("code", PayloadCheck.ErrorCode)));
        Assert.Equal(1, await rig.ScalarAsync("select count(*) from hub.messages where record_key = 'TXT-LONG-2'"));
    }

    [Fact]
    public async Task An_officer_lookup_with_a_name_XML_cannot_carry_is_400_invalid_field_not_503()
    {
        // Found by the fuzz tests: U+FFFF (or a control character) reached the population database's SOAP request,
        // which failed there, and the officer got 503 population_unavailable for a typing error.
        var rig = await fixture.GetAsync(cluster);
        var citizen = rig.Population.KnownCitizen(4);
        var asked = rig.Population.RequestCount;
        foreach (var (name, dossier) in new[] { ("\\uffff", "HS-1"), ("Nguyễn\\u0007Văn", "HS-1"), (citizen.HoVaTen, "HS\\ufffe") })
        {
            var body = $$"""{"soDinhDanh":"{{citizen.SoDinhDanh}}","hoVaTen":"{{name}}","ngaySinh":"{{citizen.NgaySinh[..4]}}-{{citizen.NgaySinh[4..6]}}-{{citizen.NgaySinh[6..]}}","maHoSo":"{{dossier}}"}""";
            await Inbound.InboundRestTests.AssertProblemAsync(await rig.Admin.PostAsync("api/citizen-lookups", Json(Encoding.UTF8.GetBytes(body))), HttpStatusCode.BadRequest, "invalid_field");
        }

        Assert.Equal(asked, rig.Population.RequestCount);
    }

    [Fact]
    public async Task A_SOAP_fault_quoting_a_control_character_is_well_formed_XML_with_its_code()
    {
        // Found by the fuzz tests: the parser's message quoted the character it refused, and the Fault carrying it was
        // itself not XML any client could read.
        var rig = await fixture.GetAsync(cluster);
        var envelope = $"""<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><Submit xmlns="{InboundSoapNamespace.Value}"><message><MessageType>danh-gia</MessageType><MessageId>ctl-1</MessageId><DataJson>{"\u001f"}</DataJson></message></Submit></s:Body></s:Envelope>""";
        using var request = new HttpRequestMessage(HttpMethod.Post, InboundSoapNamespace.Path.TrimStart('/')) { Content = new StringContent(envelope, Encoding.UTF8) };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("text/xml; charset=utf-8");

        var response = await rig.SoapPartner.SendAsync(request);

        var fault = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("malformed_xml", fault.Descendants().Single(e => e.Name.LocalName == "Code").Value);
        Assert.Contains("\\u001f", fault.Descendants().Single(e => e.Name.LocalName == "Message").Value, StringComparison.Ordinal);
    }

    private async Task ExpectPushRefusedAsync(byte[] body, string code = "invalid_text")
    {
        var rig = await fixture.GetAsync(cluster);
        var before = await InboxCounts.ReadAsync(rig.Database);
        var response = await rig.Partner.PostAsync(Push, Json(body));
        await Inbound.InboundRestTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, code);
        Assert.Equal(before, await InboxCounts.ReadAsync(rig.Database));
    }

    /// <summary>An evaluation as raw JSON text, so escapes such as <c>\ud800</c> travel exactly as written.</summary>
    private static byte[] Evaluation(string messageId, string maHoSoJson, string noiDung) => Encoding.UTF8.GetBytes(
        $$$"""{"messageId":"{{{messageId}}}","data":{"MaHoSo":"{{{maHoSoJson}}}","DiemDanhGia":5,"NoiDungDanhGia":"{{{noiDung}}}","ThoiGianDanhGia":"20261128093000"}}""");

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }
}
