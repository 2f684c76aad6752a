using System.Globalization;
using System.Net;
using System.ServiceModel;
using System.ServiceModel.Channels;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using IntegrationHub.Host;
using IntegrationHub.Host.Inbound.Soap;
using IntegrationHub.Tests.Infrastructure;

namespace IntegrationHub.Tests.Inbound;

/// <summary>The SOAP face as partners see it: a real WCF client (SOAP 1.1 and 1.2) whose HTTP requests are signed like
/// REST ones, the public WSDL, and every bad request refused with a Fault whose detail carries the REST code, while
/// the database stays as it was.</summary>
[Collection(PostgresCollection.Name)]
public sealed class InboundSoapTests(PostgresCluster cluster)
{
    private const string Partner = "dvcqg";
    private const string SoapAction = InboundSoapNamespace.Value + "/InboundService/Submit";
    private const string Soap11Namespace = "http://schemas.xmlsoap.org/soap/envelope/";
    private const string Soap12Namespace = "http://www.w3.org/2003/05/soap-envelope";
    private static readonly XNamespace Ns = InboundSoapNamespace.Value;

    [Fact]
    public async Task A_WCF_client_over_SOAP_1_1_gets_a_receipt_and_a_repeat_gets_the_original_one()
    {
        var database = await cluster.CreateDatabaseAsync();
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(database));
        var factory = WcfFactory(hub, new BasicHttpBinding());
        try
        {
            var client = factory.CreateChannel();
            var sentAt = DateTimeOffset.UtcNow;

            var first = await client.Submit(Message("soap-1", "H56.01-261128-0101"));
            Assert.True(Guid.TryParse(first.ReceiptId, out _), first.ReceiptId);
            Assert.Equal(Partner, first.Partner);
            Assert.Equal("danh-gia", first.MessageType);
            Assert.Equal("soap-1", first.MessageId);
            Assert.False(first.Repeated);
            var receivedAt = DateTimeOffset.Parse(first.ReceivedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            Assert.Equal(TimeSpan.Zero, receivedAt.Offset);
            Assert.InRange(receivedAt, sentAt.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
            Assert.Equal(1, (await InboxCounts.ReadAsync(database)).Inbox);

            var again = await client.Submit(Message("soap-1", "H56.01-261128-0101"));
            Assert.True(again.Repeated);
            Assert.Equal(first.ReceiptId, again.ReceiptId);
            Assert.Equal(first.ReceivedAt, again.ReceivedAt);
            var counts = await InboxCounts.ReadAsync(database);
            Assert.Equal(1, counts.Inbox);
            Assert.Equal(2, counts.Nonces); // each signed request's nonce is remembered, the repeat's too
            ((IClientChannel)client).Close();
        }
        finally
        {
            Close(factory);
        }
    }

    [Fact]
    public async Task A_WCF_client_over_SOAP_1_2_gets_a_receipt_and_faults_with_the_detail_code()
    {
        var database = await cluster.CreateDatabaseAsync();
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(database));
        var binding = new CustomBinding(
            new TextMessageEncodingBindingElement(MessageVersion.CreateVersion(EnvelopeVersion.Soap12, AddressingVersion.None), Encoding.UTF8),
            new HttpTransportBindingElement());
        var factory = WcfFactory(hub, binding);
        try
        {
            var client = factory.CreateChannel();
            var receipt = await client.Submit(Message("soap12-1", "H56.01-261128-0102"));
            Assert.True(Guid.TryParse(receipt.ReceiptId, out _), receipt.ReceiptId);
            Assert.Equal("soap12-1", receipt.MessageId);
            Assert.False(receipt.Repeated);

            var fault = await Assert.ThrowsAsync<FaultException<InboundFault>>(() => client.Submit(Message("soap12-2", "H1", type: "khong-co")));
            Assert.Equal("unknown_message_type", fault.Detail.Code);
            Assert.Equal(1, (await InboxCounts.ReadAsync(database)).Inbox);
            ((IClientChannel)client).Close();
        }
        finally
        {
            Close(factory);
        }
    }

    [Fact]
    public async Task The_WSDL_is_public_and_describes_Submit_in_the_hub_namespace()
    {
        var database = await cluster.CreateDatabaseAsync();
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(database));
        using var anonymous = new HttpClient { BaseAddress = hub.BaseAddress };

        var response = await anonymous.GetAsync(InboundSoapNamespace.Path.TrimStart('/') + "?wsdl");
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        var wsdl = XDocument.Parse(text);
        XNamespace w = "http://schemas.xmlsoap.org/wsdl/";
        Assert.Equal(InboundSoapNamespace.Value, wsdl.Root!.Attribute("targetNamespace")?.Value);
        Assert.Contains(wsdl.Descendants(w + "portType").Elements(w + "operation"), o => o.Attribute("name")?.Value == "Submit");
        var soap11Bindings = wsdl.Descendants(w + "binding").Where(b => b.Elements(XName.Get("binding", "http://schemas.xmlsoap.org/wsdl/soap/")).Any()).ToList();
        Assert.NotEmpty(soap11Bindings);
        Assert.All(soap11Bindings, b => Assert.Contains(b.Elements(w + "operation"), o => o.Attribute("name")?.Value == "Submit"));

        // The hub accepts SOAP 1.2 too, so its WSDL has a SOAP 1.2 binding; it carries Submit as well.
        var soap12Bindings = wsdl.Descendants(w + "binding").Where(b => b.Elements(XName.Get("binding", "http://schemas.xmlsoap.org/wsdl/soap12/")).Any()).ToList();
        Assert.All(soap12Bindings, b => Assert.Contains(b.Elements(w + "operation"), o => o.Attribute("name")?.Value == "Submit"));
        Assert.Contains("soap:address", text, StringComparison.Ordinal);
    }

    public static TheoryData<string> BadInputs() => new(BadInputCases.Keys);

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task A_bad_SOAP_request_gets_a_fault_with_its_code_and_changes_nothing(string name)
    {
        var database = await cluster.CreateDatabaseAsync();
        var settings = TestHub.BaseSettings(database);
        settings["Inbound:MaxBodyBytes"] = "4096";
        await using var hub = await TestHub.StartAsync(settings);

        // Seed with the raw envelope the XML-level cases are built from: without their flaw, it is accepted.
        using (var raw = RawClient(hub))
        {
            var seeded = await raw.SendAsync(Envelope("danh-gia", "seed-1", DataJson("H56.01-261128-0103")));
            var seededText = await seeded.Content.ReadAsStringAsync();
            Assert.True(seeded.StatusCode == HttpStatusCode.OK, $"{(int)seeded.StatusCode}: {seededText}");
            Assert.Equal("false", XDocument.Parse(seededText).Descendants(Ns + "Repeated").Single().Value);
        }

        // Wait until the router has moved it into its flow, so nothing changes on its own during the check.
        var before = await Eventually.ReturnsAsync(() => InboxCounts.ReadAsync(database), c => c.Messages == 1, TimeSpan.FromSeconds(30), "the seed message routed");
        Assert.Equal(1, before.Inbox);
        var (status, code) = BadInputCases[name].Expected;

        var fault = await BadInputCases[name].Send(hub);

        Assert.True(code == fault.Code, $"expected {code}, got {fault.Code}: {fault.Text}");
        Assert.Equal(status, fault.HttpStatus);
        Assert.Equal(before, await InboxCounts.ReadAsync(database));
    }

    private sealed record Fault(string Code, int HttpStatus, string Text);

    private static readonly Dictionary<string, ((int Status, string Code) Expected, Func<HubHost, Task<Fault>> Send)> BadInputCases = new()
    {
        ["XXE external entity"] = ((400, "xml_dtd_forbidden"), async hub =>
        {
            // A real local file the entity points at (besides /etc/hostname); its content is unique, so finding it in
            // the answer would prove a leak.
            var marker = "xxe-marker-" + Guid.NewGuid().ToString("N");
            var secretFile = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"integrationhub-xxe-{Guid.NewGuid():N}.txt");
            await File.WriteAllTextAsync(secretFile, marker);
            try
            {
                var fault = await RawAsync(hub, $"""
                    <?xml version="1.0" encoding="utf-8"?>
                    <!DOCTYPE s:Envelope [ <!ENTITY xxe SYSTEM "file://{secretFile}"> <!ENTITY etc SYSTEM "file:///etc/hostname"> ]>
                    {EnvelopeXml("danh-gia", "&xxe;&etc;", DataJson("H1"))}
                    """);
                Assert.DoesNotContain(marker, fault.Text, StringComparison.Ordinal);
                return fault;
            }
            finally
            {
                File.Delete(secretFile);
            }
        }),
        ["billion laughs"] = ((400, "xml_dtd_forbidden"), hub => RawAsync(hub, $"""
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
              <!ENTITY lol "lol">
              <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
              <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
              <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
              <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
              <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            {EnvelopeXml("danh-gia", "&lol9;", DataJson("H1"))}
            """)),
        ["DTD over SOAP 1.2"] = ((400, "xml_dtd_forbidden"), hub => RawAsync(hub, $"""
            <?xml version="1.0"?>
            <!DOCTYPE e [ <!ENTITY x "x"> ]>
            {EnvelopeXml("danh-gia", "&x;", DataJson("H1"), soap12: true)}
            """, soap12: true)),
        ["malformed XML"] = ((400, "malformed_xml"), hub => RawAsync(hub,
            EnvelopeXml("danh-gia", "m-1", DataJson("H1")).Replace("</MessageId>", string.Empty, StringComparison.Ordinal))),
        ["oversize body"] = ((413, "body_too_large"), hub => WcfAsync(hub, Message("big-1", new string('x', 5000)))),
        ["wrong signature"] = ((401, "invalid_signature"), hub => WcfAsync(hub, Message("sig-1", "H1"), secretOverride: "not-the-partner-secret-0123456789abcdef")),
        ["no X-Partner header"] = ((401, "missing_credentials"), hub => WcfAsync(hub, Message("cred-1", "H1"), partner: null)),
        ["unknown message type"] = ((404, "unknown_message_type"), hub => WcfAsync(hub, Message("type-1", "H1", type: "khong-co"))),
        ["payment-init is not an inbox message"] = ((404, "unknown_message_type"), hub => WcfAsync(hub, Message("type-2", "H1", type: "payment-init"))),
        ["DataJson not JSON"] = ((400, "malformed_json"), hub => WcfAsync(hub, new InboundSoapMessage { MessageType = "danh-gia", MessageId = "json-1", DataJson = "{\"MaHoSo\": \"H1\", " })),
        ["DataJson missing a required field"] = ((400, "missing_field"), hub => WcfAsync(hub, new InboundSoapMessage
        {
            MessageType = "danh-gia", MessageId = "req-1", DataJson = JsonSerializer.Serialize(new { MaHoSo = "H1", ThoiGianDanhGia = "20261128090000" }),
        })),
        ["DataJson wrong field type"] = ((400, "wrong_field_type"), hub => WcfAsync(hub, new InboundSoapMessage
        {
            MessageType = "danh-gia", MessageId = "typ-1", DataJson = JsonSerializer.Serialize(new { MaHoSo = "H1", DiemDanhGia = "năm", ThoiGianDanhGia = "20261128090000" }),
        })),
    };

    private static async Task<Fault> WcfAsync(HubHost hub, InboundSoapMessage message, string? partner = Partner, string? secretOverride = null)
    {
        var factory = WcfFactory(hub, new BasicHttpBinding(), partner, secretOverride);
        try
        {
            var client = factory.CreateChannel();
            try
            {
                var receipt = await client.Submit(message);
                throw new Xunit.Sdk.XunitException($"Expected a fault, got receipt {receipt.ReceiptId}");
            }
            catch (FaultException<InboundFault> e)
            {
                return new Fault(e.Detail.Code, e.Detail.HttpStatus, $"{e.Detail.Code}: {e.Detail.Message} (reason: {e.Reason})");
            }
            finally
            {
                ((IClientChannel)client).Abort();
            }
        }
        finally
        {
            Close(factory);
        }
    }

    /// <summary>Posts a hand-written SOAP 1.1 envelope, signed, and reads the Fault detail out of the answer.</summary>
    private static async Task<Fault> RawAsync(HubHost hub, string xml, bool soap12 = false)
    {
        using var client = RawClient(hub);
        var response = await client.SendAsync(Request(xml, soap12));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.InternalServerError, $"SOAP faults travel as 500; got {(int)response.StatusCode}: {text}");
        Assert.Equal(soap12 ? "application/soap+xml" : "text/xml", response.Content.Headers.ContentType?.MediaType);
        XNamespace soap = soap12 ? Soap12Namespace : Soap11Namespace;
        var envelope = XDocument.Parse(text);
        var fault = envelope.Root!.Element(soap + "Body")!.Element(soap + "Fault");
        Assert.True(fault is not null, text);
        var detail = (soap12 ? fault.Element(soap + "Detail") : fault.Element("detail"))!.Element(Ns + "InboundFault")!;
        return new Fault(detail.Element(Ns + "Code")!.Value, int.Parse(detail.Element(Ns + "HttpStatus")!.Value, CultureInfo.InvariantCulture), text);
    }

    private static ChannelFactory<IInboundSoapService> WcfFactory(HubHost hub, Binding binding, string? partner = Partner, string? secretOverride = null)
    {
        var address = new EndpointAddress(new Uri($"http://127.0.0.1:{hub.BaseAddress.Port}{InboundSoapNamespace.Path}"));
        var factory = new ChannelFactory<IInboundSoapService>(binding, address);
        factory.Endpoint.EndpointBehaviors.Add(new WcfHttpHandlerBehavior(inner =>
            new PartnerSigningHandler(TestHub.InboundPartnerKey, TestHub.InboundPartnerSecret, partner, inner) { SecretOverride = secretOverride }));
        return factory;
    }

    private static void Close(ICommunicationObject factory)
    {
        if (factory.State == CommunicationState.Faulted)
        {
            factory.Abort();
        }
        else
        {
            factory.Close();
        }
    }

    private static HttpClient RawClient(HubHost hub) =>
        new(new PartnerSigningHandler(TestHub.InboundPartnerKey, TestHub.InboundPartnerSecret, Partner)) { BaseAddress = hub.BaseAddress };

    /// <summary>The partner travels in X-Partner, added by the signing handler.</summary>
    private static HttpRequestMessage Envelope(string type, string messageId, string dataJson) =>
        Request(EnvelopeXml(type, messageId, System.Security.SecurityElement.Escape(dataJson)));

    private static HttpRequestMessage Request(string xml, bool soap12 = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, InboundSoapNamespace.Path.TrimStart('/'))
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(xml)),
        };
        if (soap12)
        {
            request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse($"application/soap+xml; charset=utf-8; action=\"{SoapAction}\"");
        }
        else
        {
            request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("text/xml; charset=utf-8");
            request.Headers.Add("SOAPAction", $"\"{SoapAction}\"");
        }

        return request;
    }

    /// <summary>The SOAP 1.1 envelope a hand-written client sends (the DataContract shape: members in order, in the hub's namespace).</summary>
    private static string EnvelopeXml(string type, string messageIdXml, string dataJsonXml, bool soap12 = false) =>
        $"""<s:Envelope xmlns:s="{(soap12 ? Soap12Namespace : Soap11Namespace)}"><s:Body><Submit xmlns="{InboundSoapNamespace.Value}"><message><MessageType>{type}</MessageType><MessageId>{messageIdXml}</MessageId><DataJson>{dataJsonXml}</DataJson></message></Submit></s:Body></s:Envelope>""";

    private static InboundSoapMessage Message(string messageId, string maHoSo, string type = "danh-gia") =>
        new() { MessageType = type, MessageId = messageId, DataJson = DataJson(maHoSo) };

    private static string DataJson(string maHoSo) =>
        JsonSerializer.Serialize(new { MaHoSo = maHoSo, DiemDanhGia = 5, NoiDungDanhGia = "Cán bộ hướng dẫn tận tình", ThoiGianDanhGia = "20261128093000" });
}
