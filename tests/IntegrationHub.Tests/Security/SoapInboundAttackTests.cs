using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using IntegrationHub.Host;
using IntegrationHub.Host.Inbound.Soap;
using IntegrationHub.Tests.Infrastructure;
using Xunit.Abstractions;

namespace IntegrationHub.Tests.Security;

/// <summary>Signed SOAP requests a partner's tool or an attacker might send that the WCF client never would. Each is
/// refused with a Fault whose detail names a permanent code (never the internal error's "retry later", never a
/// Retry-After), cheaply, and stores nothing.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SoapInboundAttackTests(PostgresCluster cluster, ITestOutputHelper output)
{
    private const string Partner = "dvcqg";
    private const string Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private const string Soap12 = "http://www.w3.org/2003/05/soap-envelope";
    private const string Action = InboundSoapNamespace.Value + "/InboundService/Submit";
    private const string Soap11Type = "text/xml; charset=utf-8";
    private const string Soap12Type = "application/soap+xml; charset=utf-8; action=\"" + Action + "\"";
    private static readonly XNamespace Ns = InboundSoapNamespace.Value;
    private static readonly InboxCounts Nothing = new(0, 0, 0);

    [Fact]
    public async Task A_SOAP_1_2_envelope_sent_as_text_xml_is_a_version_mismatch_not_a_retry()
    {
        var (database, hub) = await StartAsync();
        await using var _ = hub;

        var refusal = await SendAsync(hub, Envelope(Soap12, Fields("vm-12")), Soap11Type);

        AssertPermanent(refusal, "soap_version_mismatch", 400);
        Assert.Equal(Soap11, refusal.EnvelopeNamespace); // answered in the version the HTTP request announced
        Assert.EndsWith(":VersionMismatch", refusal.FaultCode, StringComparison.Ordinal);
        Assert.Equal(Nothing, await InboxCounts.ReadAsync(database));
    }

    [Fact]
    public async Task A_SOAP_1_1_envelope_sent_as_soap_xml_is_a_version_mismatch_not_a_retry()
    {
        var (database, hub) = await StartAsync();
        await using var _ = hub;

        var refusal = await SendAsync(hub, Envelope(Soap11, Fields("vm-11")), Soap12Type);

        AssertPermanent(refusal, "soap_version_mismatch", 400);
        Assert.Equal(Soap12, refusal.EnvelopeNamespace);
        Assert.EndsWith(":VersionMismatch", refusal.FaultCode, StringComparison.Ordinal);
        Assert.Equal(Nothing, await InboxCounts.ReadAsync(database));
    }

    [Fact]
    public async Task A_Submit_without_MessageId_gets_missing_field()
    {
        var (database, hub) = await StartAsync();
        await using var _ = hub;

        var refusal = await SendAsync(hub, Envelope(Soap11, Fields("x").Replace("<MessageId>x</MessageId>", string.Empty, StringComparison.Ordinal)), Soap11Type);

        AssertPermanent(refusal, "missing_field", 400);
        Assert.Contains("MessageId", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(Nothing, await InboxCounts.ReadAsync(database));
    }

    [Fact]
    public async Task A_Submit_with_an_empty_MessageType_gets_missing_field()
    {
        var (database, hub) = await StartAsync();
        await using var _ = hub;

        var refusal = await SendAsync(hub, Envelope(Soap12, Fields("empty-type", type: string.Empty)), Soap12Type);

        AssertPermanent(refusal, "missing_field", 400);
        Assert.Contains("MessageType", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(Nothing, await InboxCounts.ReadAsync(database));
    }

    [Fact]
    public async Task A_Submit_without_its_message_gets_missing_field()
    {
        var (database, hub) = await StartAsync();
        await using var _ = hub;

        var refusal = await SendAsync(hub, $"""<s:Envelope xmlns:s="{Soap11}"><s:Body><Submit xmlns="{Ns}"/></s:Body></s:Envelope>""", Soap11Type);

        AssertPermanent(refusal, "missing_field", 400);
        Assert.Contains("message", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(Nothing, await InboxCounts.ReadAsync(database));
    }

    /// <summary>SoapCore's WSDL declared the fields in the DataContract default namespace; a client built from it got the
    /// internal error's "retry later" for ever.</summary>
    [Fact]
    public async Task Fields_in_the_namespace_SoapCores_WSDL_gave_get_missing_field()
    {
        var (database, hub) = await StartAsync();
        await using var _ = hub;
        const string wrong = "http://schemas.datacontract.org/2004/07/urn:integrationhub:inbound:v1";
        var fields = $"""<MessageType xmlns="{wrong}">danh-gia</MessageType><MessageId xmlns="{wrong}">old-wsdl</MessageId><DataJson xmlns="{wrong}">{SecurityElement.Escape(DataJson("H1"))}</DataJson>""";

        var refusal = await SendAsync(hub, Envelope(Soap11, fields), Soap11Type);

        AssertPermanent(refusal, "missing_field", 400);
        Assert.Equal(Nothing, await InboxCounts.ReadAsync(database));
    }

    [Fact]
    public async Task A_message_of_an_unknown_xsi_type_gets_invalid_soap_body()
    {
        var (database, hub) = await StartAsync();
        await using var _ = hub;
        var xml = Envelope(Soap11, Fields("xsi-type")).Replace(
            "<message>", """<message xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns:q="urn:example:other" i:type="q:Other">""", StringComparison.Ordinal);

        var refusal = await SendAsync(hub, xml, Soap11Type);

        AssertPermanent(refusal, "invalid_soap_body", 400);
        Assert.Equal(Nothing, await InboxCounts.ReadAsync(database));
    }

    [Fact]
    public async Task An_unknown_SOAPAction_gets_unknown_operation()
    {
        var (database, hub) = await StartAsync();
        await using var _ = hub;

        var refusal = await SendAsync(hub, Envelope(Soap11, Fields("action-1")), Soap11Type, soapAction: $"\"{InboundSoapNamespace.Value}/InboundService/Delete\"");

        AssertPermanent(refusal, "unknown_operation", 400);
        Assert.Equal(Nothing, await InboxCounts.ReadAsync(database));
    }

    [Fact]
    public async Task A_body_holding_no_operation_of_the_WSDL_gets_unknown_operation()
    {
        var (database, hub) = await StartAsync();
        await using var _ = hub;
        var xml = Envelope(Soap11, Fields("op-1")).Replace("Submit", "Cancel", StringComparison.Ordinal);

        var refusal = await SendAsync(hub, xml, Soap11Type, soapAction: null);

        AssertPermanent(refusal, "unknown_operation", 400);
        Assert.Equal(Nothing, await InboxCounts.ReadAsync(database));
    }

    [Fact]
    public async Task Deeply_nested_XML_is_refused_as_xml_too_deep_at_any_depth()
    {
        var (database, hub) = await StartAsync(("Inbound:MaxBodyBytes", "2097152"));
        await using var _ = hub;
        await SendAsync(hub, Nested(100), Soap11Type); // warm-up: the first request pays for JIT and connections
        var timings = new List<string>();

        foreach (var depth in new[] { 10_000, 50_000, 200_000 })
        {
            var xml = Nested(depth);
            var clock = Stopwatch.StartNew();
            var refusal = await SendAsync(hub, xml, Soap11Type);
            timings.Add(string.Create(CultureInfo.InvariantCulture, $"depth {depth:N0} ({Encoding.UTF8.GetByteCount(xml):N0} bytes): {clock.Elapsed.TotalMilliseconds:0.0} ms"));

            AssertPermanent(refusal, "xml_too_deep", 400);
            Assert.Contains("32", refusal.Message, StringComparison.Ordinal);
        }

        output.WriteLine("Refusal time, request sent to answer read (not asserted): " + string.Join("; ", timings));
        Assert.Equal(Nothing, await InboxCounts.ReadAsync(database));
    }

    [Fact]
    public async Task XML_nested_to_MaxXmlDepth_is_accepted_and_one_level_deeper_is_refused()
    {
        var (database, hub) = await StartAsync(("Inbound:MaxXmlDepth", "12"));
        await using var _ = hub;

        // Envelope (1) / Header (2) / 10 nested header elements: the deepest is at 12.
        var accepted = await SendAsync(hub, Envelope(Soap11, Fields("depth-12"), header: HeaderNestedTo(10)), Soap11Type);
        Assert.True(accepted.Status == HttpStatusCode.OK, accepted.Text);
        Assert.Equal("depth-12", XDocument.Parse(accepted.Text).Descendants(Ns + "MessageId").Single().Value);

        var refused = await SendAsync(hub, Envelope(Soap11, Fields("depth-13"), header: HeaderNestedTo(11)), Soap11Type);
        AssertPermanent(refused, "xml_too_deep", 400);
        Assert.Equal(1, (await InboxCounts.ReadAsync(database)).Inbox);
    }

    [Fact]
    public async Task DataJson_nested_deeper_than_32_levels_gets_malformed_json()
    {
        var (database, hub) = await StartAsync();
        await using var _ = hub;
        var deep = $$"""{"MaHoSo":"H1","DiemDanhGia":5,"ThoiGianDanhGia":"20261128093000","NoiDungDanhGia":{{new string('[', 40)}}1{{new string(']', 40)}}}""";

        var refusal = await SendAsync(hub, Envelope(Soap11, Fields("json-deep", dataJson: deep)), Soap11Type);

        AssertPermanent(refusal, "malformed_json", 400);
        Assert.Contains("depth", refusal.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Nothing, await InboxCounts.ReadAsync(database));
    }

    [Fact]
    public async Task A_MaxXmlDepth_outside_8_to_256_stops_the_start()
    {
        var settings = TestHub.BaseSettings("Host=127.0.0.1;Port=1;Username=nobody;Password=x;Database=none");
        settings["Inbound:MaxXmlDepth"] = "5";

        var error = await Assert.ThrowsAsync<HubStartupException>(() => TestHub.StartAsync(settings));

        Assert.Contains(" - Inbound:MaxXmlDepth must be between 8 and 256 (a SOAP request needs 5 levels).", error.Message, StringComparison.Ordinal);
    }

    private sealed record Refusal(HttpStatusCode Status, bool RetryAfter, string EnvelopeNamespace, string FaultCode, string Reason, string Code, string Message, int HttpStatus, string Text);

    private async Task<(string Database, HubHost Hub)> StartAsync(params (string Key, string Value)[] overrides)
    {
        var database = await cluster.CreateDatabaseAsync();
        var settings = TestHub.BaseSettings(database);
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return (database, await TestHub.StartAsync(settings));
    }

    private static void AssertPermanent(Refusal refusal, string code, int httpStatus)
    {
        Assert.True(refusal.Status == HttpStatusCode.InternalServerError, $"SOAP faults travel as 500; got {(int)refusal.Status}: {refusal.Text}");
        Assert.True(code == refusal.Code, $"expected {code}, got {refusal.Code}: {refusal.Text}");
        Assert.Equal(httpStatus, refusal.HttpStatus);
        Assert.False(refusal.RetryAfter, "a permanent refusal has no Retry-After");
        Assert.DoesNotContain("retry", refusal.Reason, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Posts a signed body as the given content type and reads the Fault (SOAP 1.1 or 1.2) out of the answer.</summary>
    private static async Task<Refusal> SendAsync(HubHost hub, string xml, string contentType, string? soapAction = "\"" + Action + "\"")
    {
        using var client = new HttpClient(new PartnerSigningHandler(TestHub.InboundPartnerKey, TestHub.InboundPartnerSecret, Partner)) { BaseAddress = hub.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, InboundSoapNamespace.Path.TrimStart('/')) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(xml)) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (soapAction is not null && contentType.StartsWith("text/xml", StringComparison.Ordinal))
        {
            request.Headers.Add("SOAPAction", soapAction);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var root = XDocument.Parse(text).Root!;
        XNamespace soap = root.Name.Namespace;
        var fault = root.Element(soap + "Body")?.Element(soap + "Fault");
        var detail = (fault?.Element("detail") ?? fault?.Element(soap + "Detail"))?.Element(Ns + "InboundFault");
        return new Refusal(
            response.StatusCode,
            response.Headers.RetryAfter is not null,
            soap.NamespaceName,
            (fault?.Element("faultcode") ?? fault?.Element(soap + "Code")?.Element(soap + "Value"))?.Value ?? string.Empty,
            (fault?.Element("faultstring") ?? fault?.Element(soap + "Reason")?.Element(soap + "Text"))?.Value ?? string.Empty,
            detail?.Element(Ns + "Code")?.Value ?? "(no InboundFault detail)",
            detail?.Element(Ns + "Message")?.Value ?? string.Empty,
            int.TryParse(detail?.Element(Ns + "HttpStatus")?.Value, CultureInfo.InvariantCulture, out var status) ? status : 0,
            text);
    }

    private static string Envelope(string soap, string fields, string header = "") =>
        $"""<s:Envelope xmlns:s="{soap}">{(header.Length > 0 ? $"<s:Header>{header}</s:Header>" : string.Empty)}<s:Body><Submit xmlns="{Ns}"><message>{fields}</message></Submit></s:Body></s:Envelope>""";

    private static string Fields(string messageId, string type = "danh-gia", string? dataJson = null) =>
        $"<MessageType>{type}</MessageType><MessageId>{messageId}</MessageId><DataJson>{SecurityElement.Escape(dataJson ?? DataJson("H56.01-261128-0301"))}</DataJson>";

    /// <summary>A valid Submit whose message also carries <paramref name="depth"/> nested elements (well-formed to the end).</summary>
    private static string Nested(int depth)
    {
        var builder = new StringBuilder(depth * 7 + 1024);
        builder.Append(CultureInfo.InvariantCulture, $"""<s:Envelope xmlns:s="{Soap11}"><s:Body><Submit xmlns="{Ns}"><message>{Fields("deep-" + depth)}""");
        builder.Insert(builder.Length, "<a>", depth).Insert(builder.Length, "</a>", depth);
        return builder.Append("</message></Submit></s:Body></s:Envelope>").ToString();
    }

    private static string HeaderNestedTo(int levels) =>
        string.Concat(Enumerable.Repeat("""<h:x xmlns:h="urn:example:header">""", levels)) + string.Concat(Enumerable.Repeat("</h:x>", levels));

    private static string DataJson(string maHoSo) =>
        JsonSerializer.Serialize(new { MaHoSo = maHoSo, DiemDanhGia = 5, ThoiGianDanhGia = "20261128093000" });
}
