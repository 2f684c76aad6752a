using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using IntegrationHub.Host;
using IntegrationHub.Host.Inbound.Soap;
using IntegrationHub.Tests.Infrastructure;

namespace IntegrationHub.Tests.Security;

/// <summary>Partner ids must not be discoverable by trying them: a push for a partner that is not configured, or is
/// disabled, gets exactly the answer a configured partner with a wrong API key gets (REST, payment init and SOAP), and
/// changes nothing.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PartnerEnumerationTests(PostgresCluster cluster)
{
    private const string WrongKey = "not-anyones-api-key-0001";
    private const string SoapAction = InboundSoapNamespace.Value + "/InboundService/Submit";

    [Fact]
    public async Task An_unknown_partner_gets_the_same_401_as_a_bad_key()
    {
        var database = await cluster.CreateDatabaseAsync();
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(database));

        foreach (var (known, unknown) in new[] { ("api/inbound/dvcqg/danh-gia", "api/inbound/nobody/danh-gia"), ("api/payments/init/cong-dvc", "api/payments/init/nobody") })
        {
            // The unknown partner is tried with a real partner's valid key and secret: still nothing to tell it apart.
            var badKey = await PushAsync(hub, known, WrongKey, TestHub.InboundPartnerSecret);
            var unknownPartner = await PushAsync(hub, unknown, TestHub.InboundPartnerKey, TestHub.InboundPartnerSecret);

            Assert.Equal((HttpStatusCode.Unauthorized, "invalid_api_key"), (badKey.Status, badKey.Code));
            Assert.Equal(badKey, unknownPartner);
        }

        Assert.Equal(new InboxCounts(0, 0, 0), await InboxCounts.ReadAsync(database));
    }

    [Fact]
    public async Task A_disabled_partner_gets_the_same_401_as_a_bad_key()
    {
        var database = await cluster.CreateDatabaseAsync();
        var settings = TestHub.BaseSettings(database);
        settings["Inbound:Partners:dvcqg:Enabled"] = "false";
        await using var hub = await TestHub.StartAsync(settings);

        var disabled = await PushAsync(hub, "api/inbound/dvcqg/danh-gia", TestHub.InboundPartnerKey, TestHub.InboundPartnerSecret);
        var badKey = await PushAsync(hub, "api/inbound/cong-dvc/danh-gia", WrongKey, TestHub.PortalPartnerSecret);

        Assert.Equal((HttpStatusCode.Unauthorized, "invalid_api_key"), (disabled.Status, disabled.Code));
        Assert.Equal(badKey, disabled);
        Assert.Equal(new InboxCounts(0, 0, 0), await InboxCounts.ReadAsync(database));
    }

    [Fact]
    public async Task An_unknown_SOAP_partner_gets_the_same_fault_as_a_bad_key()
    {
        var database = await cluster.CreateDatabaseAsync();
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(database));

        var badKey = await SoapAsync(hub, "dvcqg", WrongKey);
        var unknownPartner = await SoapAsync(hub, "nobody", TestHub.InboundPartnerKey);

        Assert.Equal("invalid_api_key", badKey.Code);
        Assert.Equal(401, badKey.HttpStatus);
        Assert.Equal(badKey, unknownPartner);
        Assert.Equal(new InboxCounts(0, 0, 0), await InboxCounts.ReadAsync(database));
    }

    /// <summary>The parts of an answer a caller can compare (the problem body without its per-request trace id and path).</summary>
    private sealed record Answer(HttpStatusCode Status, string? MediaType, string Code, string Body);

    private sealed record Fault(int HttpStatus, string Code, string Message, string FaultString);

    private static async Task<Answer> PushAsync(HubHost hub, string path, string apiKey, string secret)
    {
        using var client = new HttpClient(new PartnerSigningHandler(apiKey, secret)) { BaseAddress = hub.BaseAddress };
        var body = JsonSerializer.Serialize(new { messageId = "enum-1", data = new { MaHoSo = "H56.01-261128-0001", DiemDanhGia = 5, ThoiGianDanhGia = "20261128093000" } });
        using var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        problem.Remove("traceId");
        problem.Remove("instance"); // the caller's own path, if the framework adds it
        return new Answer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, problem["code"]!.GetValue<string>(), problem.ToJsonString());
    }

    private static async Task<Fault> SoapAsync(HubHost hub, string partner, string apiKey)
    {
        using var client = new HttpClient(new PartnerSigningHandler(apiKey, TestHub.InboundPartnerSecret, partner)) { BaseAddress = hub.BaseAddress };
        var data = System.Security.SecurityElement.Escape(JsonSerializer.Serialize(new { MaHoSo = "H1", DiemDanhGia = 5, ThoiGianDanhGia = "20261128093000" }));
        var xml = $"""<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><Submit xmlns="{InboundSoapNamespace.Value}"><message><MessageType>danh-gia</MessageType><MessageId>enum-1</MessageId><DataJson>{data}</DataJson></message></Submit></s:Body></s:Envelope>""";
        using var request = new HttpRequestMessage(HttpMethod.Post, InboundSoapNamespace.Path.TrimStart('/')) { Content = new StringContent(xml, Encoding.UTF8, "text/xml") };
        request.Headers.Add("SOAPAction", $"\"{SoapAction}\"");
        using var response = await client.SendAsync(request);
        var envelope = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace ns = InboundSoapNamespace.Value;
        var detail = envelope.Descendants(ns + "InboundFault").Single();
        return new Fault(
            int.Parse(detail.Element(ns + "HttpStatus")!.Value, CultureInfo.InvariantCulture),
            detail.Element(ns + "Code")!.Value,
            detail.Element(ns + "Message")!.Value,
            envelope.Descendants("faultstring").Single().Value);
    }
}
