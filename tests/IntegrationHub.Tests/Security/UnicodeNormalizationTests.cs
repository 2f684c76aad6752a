using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IntegrationHub.Contracts;
using IntegrationHub.Host.Storage;
using IntegrationHub.Tests.Infrastructure;

namespace IntegrationHub.Tests.Security;

/// <summary>Issue 10 #9: "Nguyễn" sent decomposed (NFD) and composed (NFC) is one business key. Text is put in NFC at
/// every edge — pushes (REST and SOAP), source records, search parameters (API and dashboard) — so either form finds it.</summary>
[Collection(PostgresCollection.Name)]
public sealed class UnicodeNormalizationTests(PostgresCluster cluster, EdgeRigFixture fixture) : IClassFixture<EdgeRigFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Pushes_with_an_NFD_and_an_NFC_business_key_land_on_one_key_and_either_form_finds_both()
    {
        var rig = await fixture.GetAsync(cluster);
        var (nfc, nfd) = Forms("HS-Nguyễn-0001");
        Assert.NotEqual(nfc, nfd);

        Assert.Equal(HttpStatusCode.Accepted, (await rig.Partner.PostAsync("/api/inbound/dvcqg/danh-gia", Evaluation("nfd-1", nfd, 4))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await rig.Partner.PostAsync("/api/inbound/dvcqg/danh-gia", Evaluation("nfc-1", nfc, 5))).StatusCode);

        Assert.Equal(2, await rig.ScalarAsync("select count(*) from hub.inbox where business_key = @key", ("key", nfc)));
        Assert.Equal(1, await rig.ScalarAsync("select count(*) from hub.inbox where partner_message_id = 'nfd-1' and payload::jsonb->>'NoiDungDanhGia' = @text", ("text", Nfc("Nguyễn tận tình"))));
        foreach (var typed in new[] { nfc, nfd })
        {
            var found = await Eventually.ReturnsAsync(
                () => rig.Admin.GetFromJsonAsync<JsonElement>($"api/messages?businessKey={Uri.EscapeDataString(typed)}"),
                body => body.GetProperty("messages").GetArrayLength() == 2, Patience, $"both messages found by the {(typed == nfc ? "NFC" : "NFD")} key");
            Assert.Equal(nfc, found.GetProperty("businessKey").GetString());
        }
    }

    [Fact]
    public async Task A_SOAP_push_with_an_NFD_key_is_stored_under_the_NFC_key()
    {
        var rig = await fixture.GetAsync(cluster);
        var (nfc, nfd) = Forms("HS-Trần-Thị-Ánh-0002");
        var dataJson = JsonSerializer.Serialize(new { MaHoSo = nfd, DiemDanhGia = 5, ThoiGianDanhGia = "20261128093000" });
        var envelope = $"""<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><Submit xmlns="{Host.Inbound.Soap.InboundSoapNamespace.Value}"><message><MessageType>danh-gia</MessageType><MessageId>soap-nfd-1</MessageId><DataJson>{System.Security.SecurityElement.Escape(dataJson)}</DataJson></message></Submit></s:Body></s:Envelope>""";
        using var request = new HttpRequestMessage(HttpMethod.Post, Host.Inbound.Soap.InboundSoapNamespace.Path.TrimStart('/')) { Content = new StringContent(envelope, Encoding.UTF8) };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("text/xml; charset=utf-8");
        request.Headers.Add("SOAPAction", $"\"{Host.Inbound.Soap.InboundSoapNamespace.Value}/InboundService/Submit\"");

        var response = await rig.SoapPartner.SendAsync(request);

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal(1, await rig.ScalarAsync("select count(*) from hub.inbox where partner_message_id = 'soap-nfd-1' and business_key = @key", ("key", nfc)));
    }

    [Fact]
    public async Task A_source_record_keyed_decomposed_and_the_same_record_keyed_composed_are_one_record()
    {
        var rig = await fixture.GetAsync(cluster);
        var store = (MessageStore)rig.Hub.Services.GetService(typeof(MessageStore))!;
        var (nfc, nfd) = Forms("TTHC-Lệ-phí-0003");
        var runId = await rig.ScalarAsync("insert into hub.flow_runs (flow_id, trigger, status, started_at) values ('procedures', 'test', 'running', now()) returning id");

        var first = await store.AppendAsync("procedures", runId, [new SourceRecord(nfd, $$"""{"MaTTHC":"{{nfd}}","TenTTHC":"{{nfd}}"}""")], ["igate:procedures"], null, DateTimeOffset.UtcNow, CancellationToken.None);
        var second = await store.AppendAsync("procedures", runId, [new SourceRecord(nfc, $$"""{"MaTTHC":"{{nfc}}","TenTTHC":"{{nfc}}"}""")], ["igate:procedures"], null, DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Equal(1, first);
        Assert.Equal(0, second); // the same record, unchanged: not a new message
        Assert.Equal(1, await rig.ScalarAsync("select count(*) from hub.messages where record_key = @key and business_key = @key and payload->>'TenTTHC' = @key", ("key", nfc)));
        Assert.Equal(1, await rig.ScalarAsync("select count(*) from hub.record_versions where flow_id = 'procedures' and record_key = @key", ("key", nfc)));
    }

    [Fact]
    public async Task Dead_letters_are_found_and_replayed_by_a_business_key_typed_decomposed()
    {
        var rig = await fixture.GetAsync(cluster);
        var store = (MessageStore)rig.Hub.Services.GetService(typeof(MessageStore))!;
        var (nfc, nfd) = Forms("HS-Đỗ-Quyên-0004");
        var runId = await rig.ScalarAsync("insert into hub.flow_runs (flow_id, trigger, status, started_at) values ('procedures', 'test', 'running', now()) returning id");
        // A payload that cannot be stored is a dead letter at once, under the NFC key.
        await store.AppendAsync("procedures", runId, [new SourceRecord(nfc, """{"TenTTHC":"\u0000"}""", nfc)], ["igate:procedures"], null, DateTimeOffset.UtcNow, CancellationToken.None);

        var listed = await rig.Admin.GetFromJsonAsync<JsonElement>($"api/dead-letters?businessKey={Uri.EscapeDataString(nfd)}");
        var dryRun = await (await rig.Admin.PostAsJsonAsync("api/dead-letters/replay", new { businessKey = nfd, dryRun = true })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(1, listed.GetProperty("total").GetInt32());
        Assert.Equal(nfc, listed.GetProperty("items")[0].GetProperty("businessKey").GetString());
        Assert.Equal(1, dryRun.GetProperty("wouldAffect").GetInt32());
    }

    [Fact]
    public async Task A_payment_for_a_MaHoSo_sent_decomposed_is_found_by_either_form()
    {
        var rig = await fixture.GetAsync(cluster);
        var (nfc, nfd) = Forms("HS-Phạm-0005");
        var (response, _) = await Payments.PaymentTestKit.InitAsync(rig.Portal, "nfd-pay-1", nfd, 30_000);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        foreach (var typed in new[] { nfc, nfd })
        {
            var found = await rig.Admin.GetFromJsonAsync<JsonElement>($"api/payments?maHoSo={Uri.EscapeDataString(typed)}");
            Assert.Equal(1, found.GetArrayLength());
            Assert.Equal(nfc, found[0].GetProperty("maHoSo").GetString());
        }
    }

    [Fact]
    public async Task Citizen_lookups_are_found_by_a_dossier_typed_decomposed()
    {
        var rig = await fixture.GetAsync(cluster);
        var (nfc, nfd) = Forms("HS-Quầy-Hồ-Sơ-0006");
        var citizen = rig.Population.KnownCitizen(2);
        var born = $"{citizen.NgaySinh[..4]}-{citizen.NgaySinh[4..6]}-{citizen.NgaySinh[6..]}";
        var answered = await rig.Admin.PostAsJsonAsync("api/citizen-lookups", new { soDinhDanh = citizen.SoDinhDanh, hoVaTen = citizen.HoVaTen, ngaySinh = born, maHoSo = nfc });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);

        var found = await rig.Admin.GetFromJsonAsync<JsonElement>($"api/citizen-lookups?dossier={Uri.EscapeDataString(nfd)}");

        Assert.Equal(1, found.GetArrayLength());
        Assert.Equal(nfc, found[0].GetProperty("dossier").GetString());
    }

    [Fact]
    public async Task The_dashboard_message_search_finds_a_key_typed_decomposed()
    {
        var rig = await fixture.GetAsync(cluster);
        var (nfc, nfd) = Forms("HS-Lê-Văn-Hưng-0007");
        Assert.Equal(HttpStatusCode.Accepted, (await rig.Partner.PostAsync("/api/inbound/dvcqg/danh-gia", Evaluation("dash-nfc-1", nfc, 3))).StatusCode);
        await Eventually.ReturnsAsync(() => rig.ScalarAsync("select count(*) from hub.messages where business_key = @key", ("key", nfc)), n => n == 1, Patience, "the message routed");
        var id = await rig.ScalarAsync("select id from hub.messages where business_key = @key", ("key", nfc));

        var page = await rig.Admin.GetStringAsync($"hangfire/messages?businessKey={Uri.EscapeDataString(nfd)}");

        Assert.Contains($"data-message-id=\"{id}\"", page, StringComparison.Ordinal);
    }

    private static (string Nfc, string Nfd) Forms(string text) => (Nfc(text), text.Normalize(NormalizationForm.FormD));

    private static string Nfc(string text) => text.Normalize(NormalizationForm.FormC);

    private static HttpContent Evaluation(string messageId, string maHoSo, int score) => JsonContent.Create(
        new { messageId, data = new { MaHoSo = maHoSo, DiemDanhGia = score, NoiDungDanhGia = "Nguyễn tận tình".Normalize(NormalizationForm.FormD), ThoiGianDanhGia = "20261128093000" } },
        options: JsonSerializerOptions.Default);
}
