using System.Net;
using System.ServiceModel;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using IntegrationHub.Host;
using IntegrationHub.Host.Inbound.Soap;
using IntegrationHub.Tests.Infrastructure;

namespace IntegrationHub.Tests.Inbound;

/// <summary>The WSDL as a partner's tool reads it: a valid, self-consistent document whose schema compiles, and whose
/// bindings, read by a client that knows nothing else, give requests the hub accepts. What a WCF client sends (the
/// DataContract wire format) is valid against the same schema.</summary>
[Collection(PostgresCollection.Name)]
public sealed class InboundSoapWsdlTests(PostgresCluster cluster)
{
    private const string Partner = "dvcqg";
    private static readonly XNamespace W = "http://schemas.xmlsoap.org/wsdl/";
    private static readonly XNamespace Soap11Binding = "http://schemas.xmlsoap.org/wsdl/soap/";
    private static readonly XNamespace Soap12Binding = "http://schemas.xmlsoap.org/wsdl/soap12/";
    private static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";

    [Fact]
    public async Task The_WSDL_is_valid_with_one_binding_per_SOAP_version_unique_names_and_the_requested_address()
    {
        var database = await cluster.CreateDatabaseAsync();
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(database));

        var (wsdl, schemas) = await FetchAsync(hub);

        // Every kind of WSDL name is unique within its kind, and every reference names something that exists.
        foreach (var kind in new[] { "message", "portType", "binding", "service" })
        {
            var names = wsdl.Root!.Elements(W + kind).Select(e => e.Attribute("name")!.Value).ToList();
            Assert.True(names.Count == names.Distinct(StringComparer.Ordinal).Count(), $"duplicate {kind} names: {string.Join(", ", names)}");
        }

        var ports = wsdl.Root!.Elements(W + "service").Elements(W + "port").ToList();
        Assert.Equal(ports.Count, ports.Select(p => p.Attribute("name")!.Value).Distinct(StringComparer.Ordinal).Count());
        foreach (var part in wsdl.Root.Elements(W + "message").Elements(W + "part"))
        {
            var element = Resolve(part, part.Attribute("element")!.Value);
            Assert.True(schemas.GlobalElements.Contains(element), $"part {part.Parent!.Attribute("name")?.Value} names {element}, which the schema does not declare");
        }

        foreach (var reference in wsdl.Root.Elements(W + "portType").Elements(W + "operation").Elements().Where(e => e.Attribute("message") is not null))
        {
            Assert.NotNull(Named(wsdl, "message", Resolve(reference, reference.Attribute("message")!.Value)));
        }

        foreach (var binding in wsdl.Root.Elements(W + "binding"))
        {
            var portType = Named(wsdl, "portType", Resolve(binding, binding.Attribute("type")!.Value));
            Assert.NotNull(portType);
            Assert.Equal(
                portType.Elements(W + "operation").Select(o => o.Attribute("name")!.Value).Order(),
                binding.Elements(W + "operation").Select(o => o.Attribute("name")!.Value).Order());
        }

        // One SOAP 1.1 binding and one SOAP 1.2 binding (the hub accepts both), each with one port at the requested address.
        var soap11 = Assert.Single(wsdl.Root.Elements(W + "binding"), b => b.Element(Soap11Binding + "binding") is not null);
        var soap12 = Assert.Single(wsdl.Root.Elements(W + "binding"), b => b.Element(Soap12Binding + "binding") is not null);
        Assert.Equal(2, wsdl.Root.Elements(W + "binding").Count());
        var expectedAddress = new Uri(hub.BaseAddress, InboundSoapNamespace.Path.TrimStart('/')).ToString();
        foreach (var (binding, soap) in new[] { (soap11, Soap11Binding), (soap12, Soap12Binding) })
        {
            var port = Assert.Single(ports, p => Resolve(p, p.Attribute("binding")!.Value) == new XmlQualifiedName(binding.Attribute("name")!.Value, InboundSoapNamespace.Value));
            Assert.Equal(expectedAddress, port.Element(soap + "address")?.Attribute("location")?.Value);
            Assert.Equal("http://schemas.xmlsoap.org/soap/http", binding.Element(soap + "binding")!.Attribute("transport")?.Value);
        }

        // The address follows the host the WSDL was asked from (here "localhost" instead of 127.0.0.1).
        using var byName = new HttpClient { BaseAddress = new Uri($"http://localhost:{hub.BaseAddress.Port}/") };
        var other = XDocument.Parse(await byName.GetStringAsync(InboundSoapNamespace.Path.TrimStart('/') + "?wsdl"));
        Assert.All(other.Descendants().Where(e => e.Name.LocalName == "address"), a =>
            Assert.Equal($"http://localhost:{hub.BaseAddress.Port}{InboundSoapNamespace.Path}", a.Attribute("location")?.Value));
    }

    [Fact]
    public async Task An_envelope_built_only_from_the_WSDL_gets_a_receipt_over_each_of_its_bindings()
    {
        var database = await cluster.CreateDatabaseAsync();
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(database));
        var (wsdl, schemas) = await FetchAsync(hub);
        using var client = new HttpClient(new PartnerSigningHandler(TestHub.InboundPartnerKey, TestHub.InboundPartnerSecret, Partner));
        var versions = new List<string>();

        foreach (var port in wsdl.Root!.Elements(W + "service").Elements(W + "port"))
        {
            var binding = Named(wsdl, "binding", Resolve(port, port.Attribute("binding")!.Value))!;
            var soap12 = binding.Element(Soap12Binding + "binding") is not null;
            XNamespace soap = soap12 ? Soap12Binding : Soap11Binding;
            versions.Add(soap12 ? "1.2" : "1.1");
            var address = new Uri(port.Element(soap + "address")!.Attribute("location")!.Value);
            var portType = Named(wsdl, "portType", Resolve(binding, binding.Attribute("type")!.Value))!;
            var operation = Assert.Single(binding.Elements(W + "operation"));
            var action = operation.Element(soap + "operation")!.Attribute("soapAction")!.Value;
            var abstractOperation = portType.Elements(W + "operation").Single(o => o.Attribute("name")!.Value == operation.Attribute("name")!.Value);
            var input = PartElement(wsdl, abstractOperation, "input", schemas);
            var output = PartElement(wsdl, abstractOperation, "output", schemas);

            // The partner's data, keyed by the field names the schema gives; the structure comes from the schema alone.
            var messageId = $"wsdl-{(soap12 ? "12" : "11")}";
            var values = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["MessageType"] = "danh-gia",
                ["MessageId"] = messageId,
                ["DataJson"] = JsonSerializer.Serialize(new { MaHoSo = "H56.01-261128-0201", DiemDanhGia = 4, ThoiGianDanhGia = "20261128093000" }),
            };
            var body = Build(input, values);
            Validate(body, schemas);

            var response = await client.SendAsync(Request(address, body, soap12, action));
            var text = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"SOAP {(soap12 ? "1.2" : "1.1")}: {(int)response.StatusCode}: {text}");
            var answer = XDocument.Parse(text).Root!.Elements().Single(e => e.Name.LocalName == "Body").Elements().Single();
            Assert.Equal(XName.Get(output.QualifiedName.Name, output.QualifiedName.Namespace), answer.Name);
            Validate(answer, schemas);
            var ns = answer.Name.Namespace;
            Assert.Equal(messageId, answer.Descendants(ns + "MessageId").Single().Value);
            Assert.True(Guid.TryParse(answer.Descendants(ns + "ReceiptId").Single().Value, out _), text);
        }

        Assert.Equal(["1.1", "1.2"], versions.Order());
        Assert.Equal(2, (await InboxCounts.ReadAsync(database)).Inbox);
    }

    [Fact]
    public async Task What_a_WCF_client_sends_is_valid_against_the_WSDL_schema()
    {
        var database = await cluster.CreateDatabaseAsync();
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(database));
        var (_, schemas) = await FetchAsync(hub);
        var sent = new List<byte[]>();
        var factory = new ChannelFactory<IInboundSoapService>(new BasicHttpBinding(), new EndpointAddress(new Uri(hub.BaseAddress, InboundSoapNamespace.Path.TrimStart('/'))));
        factory.Endpoint.EndpointBehaviors.Add(new WcfHttpHandlerBehavior(inner =>
            new Recorder(sent, new PartnerSigningHandler(TestHub.InboundPartnerKey, TestHub.InboundPartnerSecret, Partner, inner))));
        try
        {
            var client = factory.CreateChannel();
            var receipt = await client.Submit(new InboundSoapMessage
            {
                MessageType = "danh-gia",
                MessageId = "wcf-schema-1",
                DataJson = JsonSerializer.Serialize(new { MaHoSo = "H56.01-261128-0202", DiemDanhGia = 5, ThoiGianDanhGia = "20261128093000" }),
            });
            Assert.Equal("wcf-schema-1", receipt.MessageId);
            ((IClientChannel)client).Close();
        }
        finally
        {
            factory.Close();
        }

        var envelope = XDocument.Parse(Encoding.UTF8.GetString(Assert.Single(sent)));
        Validate(envelope.Root!.Elements().Single(e => e.Name.LocalName == "Body").Elements().Single(), schemas);
    }

    private static async Task<(XDocument Wsdl, XmlSchemaSet Schemas)> FetchAsync(HubHost hub)
    {
        using var anonymous = new HttpClient { BaseAddress = hub.BaseAddress };
        var response = await anonymous.GetAsync(InboundSoapNamespace.Path.TrimStart('/') + "?wsdl");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        var wsdl = XDocument.Parse(text);
        Assert.Equal(W + "definitions", wsdl.Root!.Name);

        var problems = new List<string>();
        var schemas = new XmlSchemaSet { XmlResolver = null };
        schemas.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity}: {e.Message}");
        foreach (var schema in wsdl.Root.Elements(W + "types").Elements(Xs + "schema"))
        {
            // Namespace declarations in scope at the schema (often on wsdl:definitions) belong to it.
            var copy = new XElement(schema);
            foreach (var declaration in schema.Ancestors().Attributes().Where(a => a.IsNamespaceDeclaration && copy.Attribute(a.Name) is null))
            {
                copy.Add(declaration);
            }

            using var reader = copy.CreateReader();
            schemas.Add(XmlSchema.Read(reader, (_, e) => problems.Add($"{e.Severity}: {e.Message}"))!);
        }

        schemas.Compile();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.True(schemas.GlobalElements.Count > 0, text);
        return (wsdl, schemas);
    }

    private static XmlQualifiedName Resolve(XElement context, string prefixed)
    {
        var colon = prefixed.IndexOf(':', StringComparison.Ordinal);
        var ns = colon < 0 ? context.GetDefaultNamespace() : context.GetNamespaceOfPrefix(prefixed[..colon]);
        Assert.True(ns is not null, $"prefix of '{prefixed}' is not declared");
        return new XmlQualifiedName(colon < 0 ? prefixed : prefixed[(colon + 1)..], ns.NamespaceName);
    }

    /// <summary>The top-level WSDL element of a kind with a name in the WSDL's target namespace.</summary>
    private static XElement? Named(XDocument wsdl, string kind, XmlQualifiedName name) =>
        name.Namespace == wsdl.Root!.Attribute("targetNamespace")?.Value
            ? wsdl.Root.Elements(W + kind).SingleOrDefault(e => e.Attribute("name")?.Value == name.Name)
            : null;

    /// <summary>The schema element of a document/literal operation's input or output (its one part).</summary>
    private static XmlSchemaElement PartElement(XDocument wsdl, XElement operation, string direction, XmlSchemaSet schemas)
    {
        var reference = operation.Element(W + direction)!;
        var message = Named(wsdl, "message", Resolve(reference, reference.Attribute("message")!.Value))!;
        var part = Assert.Single(message.Elements(W + "part"));
        return (XmlSchemaElement)schemas.GlobalElements[Resolve(part, part.Attribute("element")!.Value)]!;
    }

    /// <summary>An element as its schema declares it: complex types give their sequence's elements in order, simple
    /// ones the partner's value for that name (a required field without one fails the test).</summary>
    private static XElement Build(XmlSchemaElement declaration, IReadOnlyDictionary<string, string> values)
    {
        var name = XName.Get(declaration.QualifiedName.Name, declaration.QualifiedName.Namespace);
        if (declaration.ElementSchemaType is XmlSchemaComplexType { ContentTypeParticle: XmlSchemaSequence sequence })
        {
            var element = new XElement(name);
            foreach (var child in sequence.Items.Cast<XmlSchemaElement>())
            {
                if (child.MinOccurs > 0 || values.ContainsKey(child.QualifiedName.Name))
                {
                    element.Add(Build(child, values));
                }
            }

            return element;
        }

        Assert.True(declaration.ElementSchemaType is XmlSchemaSimpleType, $"{name} has a type this test cannot fill");
        Assert.True(values.TryGetValue(declaration.QualifiedName.Name, out var value), $"the schema asks for {name}, which the partner's data has not");
        return new XElement(name, value);
    }

    private static void Validate(XElement element, XmlSchemaSet schemas)
    {
        var problems = new List<string>();
        new XDocument(new XElement(element)).Validate(schemas, (_, e) => problems.Add(e.Message));
        Assert.True(problems.Count == 0, $"{element}{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    private static HttpRequestMessage Request(Uri address, XElement body, bool soap12, string action)
    {
        XNamespace soap = soap12 ? "http://www.w3.org/2003/05/soap-envelope" : "http://schemas.xmlsoap.org/soap/envelope/";
        var envelope = new XElement(soap + "Envelope", new XAttribute(XNamespace.Xmlns + "s", soap), new XElement(soap + "Body", body));
        var request = new HttpRequestMessage(HttpMethod.Post, address) { Content = new StringContent(envelope.ToString(SaveOptions.DisableFormatting), Encoding.UTF8) };
        if (soap12)
        {
            request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse($"application/soap+xml; charset=utf-8; action=\"{action}\"");
        }
        else
        {
            request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("text/xml; charset=utf-8");
            request.Headers.Add("SOAPAction", $"\"{action}\"");
        }

        return request;
    }

    /// <summary>Keeps the body of each request the WCF client sends.</summary>
    private sealed class Recorder(List<byte[]> sent, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            sent.Add(request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken));
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
