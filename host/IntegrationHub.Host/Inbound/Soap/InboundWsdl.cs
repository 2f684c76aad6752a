using System.Reflection;
using System.Runtime.Serialization;
using System.ServiceModel;
using System.Text;
using System.Xml;

namespace IntegrationHub.Host.Inbound.Soap;

/// <summary>The WSDL of <c>/soap/inbound</c>, written by the hub from <see cref="IInboundSoapService"/> and its data
/// contracts. SoapCore's generator declared the contracts in <c>http://schemas.datacontract.org/2004/07/…</c> while
/// referring to them in the hub's namespace, and wrote the SOAP 1.2 binding (no WS-Addressing) as a second SOAP 1.1
/// binding of the same name, so no tool could use it. Here: document/literal wrapped as the DataContractSerializer
/// reads and writes it (elements qualified, members in DataMember order), every request field required because the
/// service refuses a missing one, one binding and port per SOAP version, the address taken from the request.</summary>
public static class InboundWsdl
{
    private const string WsdlNs = "http://schemas.xmlsoap.org/wsdl/";
    private const string Soap11Ns = "http://schemas.xmlsoap.org/wsdl/soap/";
    private const string Soap12Ns = "http://schemas.xmlsoap.org/wsdl/soap12/";
    private const string XsdNs = "http://www.w3.org/2001/XMLSchema";
    private const string HttpTransport = "http://schemas.xmlsoap.org/soap/http";
    private const string Tns = InboundSoapNamespace.Value;

    private static readonly string ContractName = typeof(IInboundSoapService).GetCustomAttribute<ServiceContractAttribute>()!.Name!;

    private static readonly MethodInfo[] Operations = typeof(IInboundSoapService).GetMethods()
        .Where(m => m.GetCustomAttribute<OperationContractAttribute>() is not null)
        .OrderBy(m => m.Name, StringComparer.Ordinal)
        .ToArray();

    /// <summary>Each operation's name (its body element in the hub's namespace) and SOAP action, as SoapCore dispatches them.</summary>
    public static IReadOnlyDictionary<string, string> ActionsByOperation { get; } =
        Operations.ToDictionary(m => m.Name, m => $"{Tns}/{ContractName}/{m.Name}", StringComparer.Ordinal);

    public static byte[] Write(string address)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("wsdl", "definitions", WsdlNs);
            writer.WriteAttributeString("name", ContractName);
            writer.WriteAttributeString("targetNamespace", Tns);
            writer.WriteAttributeString("xmlns", "tns", null, Tns);
            writer.WriteAttributeString("xmlns", "xs", null, XsdNs);
            writer.WriteAttributeString("xmlns", "soap", null, Soap11Ns);
            writer.WriteAttributeString("xmlns", "soap12", null, Soap12Ns);
            writer.WriteElementString("wsdl", "documentation", WsdlNs,
                $"Each HTTP request is signed: headers {InboundSoapNamespace.PartnerHeader} (the partner id), {InboundAuthenticator.ApiKeyHeader}, " +
                $"{InboundAuthenticator.TimestampHeader} (Unix seconds), {InboundAuthenticator.NonceHeader} (16-64 of [A-Za-z0-9_-], new each time) and " +
                $"{InboundAuthenticator.SignatureHeader} = Base64(HMAC-SHA256(secret, \"POST\\n{InboundSoapNamespace.Path}\\n<timestamp>\\n<nonce>\\n<hex SHA-256 of the body>\")). " +
                "DataJson is the message type's data object as JSON text. Refusals are SOAP Faults whose detail InboundFault carries a machine-readable Code; " +
                "only internal_error, the Faults whose InboundFault HttpStatus is 503 (with an HTTP Retry-After header) and plain HTTP 503 answers are worth retrying, with the same MessageId.");
            WriteTypes(writer);
            WriteMessages(writer);
            WritePortType(writer);
            WriteBinding(writer, "soap", Soap11Ns, "Soap11");
            WriteBinding(writer, "soap12", Soap12Ns, "Soap12");
            writer.WriteStartElement("wsdl", "service", WsdlNs);
            writer.WriteAttributeString("name", ContractName);
            WritePort(writer, "soap", Soap11Ns, "Soap11", address);
            WritePort(writer, "soap12", Soap12Ns, "Soap12", address);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        return stream.ToArray();
    }

    private static void WriteTypes(XmlWriter writer)
    {
        writer.WriteStartElement("wsdl", "types", WsdlNs);
        writer.WriteStartElement("xs", "schema", XsdNs);
        writer.WriteAttributeString("targetNamespace", Tns);
        writer.WriteAttributeString("elementFormDefault", "qualified");
        var contracts = new SortedDictionary<string, Type>(StringComparer.Ordinal);
        foreach (var operation in Operations)
        {
            WriteWrapper(writer, operation.Name, operation.GetParameters().Select(p => (p.Name!, p.ParameterType)), contracts);
            WriteWrapper(writer, operation.Name + "Response", [(operation.Name + "Result", ResultType(operation))], contracts);
        }

        foreach (var fault in Faults())
        {
            writer.WriteStartElement("xs", "element", XsdNs);
            writer.WriteAttributeString("name", ContractNameOf(fault));
            writer.WriteAttributeString("type", TypeName(fault, contracts));
            writer.WriteEndElement();
        }

        // Each data contract once, including those only reached through another's members.
        var written = new HashSet<string>(StringComparer.Ordinal);
        while (contracts.Keys.FirstOrDefault(name => !written.Contains(name)) is { } next)
        {
            written.Add(next);
            writer.WriteStartElement("xs", "complexType", XsdNs);
            writer.WriteAttributeString("name", next);
            WriteSequence(writer, Members(contracts[next]), contracts);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteWrapper(XmlWriter writer, string name, IEnumerable<(string Name, Type Type)> members, IDictionary<string, Type> contracts)
    {
        writer.WriteStartElement("xs", "element", XsdNs);
        writer.WriteAttributeString("name", name);
        writer.WriteStartElement("xs", "complexType", XsdNs);
        WriteSequence(writer, members, contracts);
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteSequence(XmlWriter writer, IEnumerable<(string Name, Type Type)> members, IDictionary<string, Type> contracts)
    {
        writer.WriteStartElement("xs", "sequence", XsdNs);
        foreach (var (name, type) in members)
        {
            writer.WriteStartElement("xs", "element", XsdNs);
            writer.WriteAttributeString("name", name);
            writer.WriteAttributeString("type", TypeName(type, contracts));
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    /// <summary>Data members in the order the DataContractSerializer writes and expects them: by Order, then by name.</summary>
    private static IEnumerable<(string Name, Type Type)> Members(Type contract)
    {
        if (contract.BaseType != typeof(object))
        {
            throw new NotSupportedException($"{contract.Name}: data contracts with a base type are not described by {nameof(InboundWsdl)}.");
        }

        return contract.GetProperties()
            .Select(p => (Property: p, Member: p.GetCustomAttribute<DataMemberAttribute>()))
            .Where(p => p.Member is not null)
            .Select(p => (Name: p.Member!.Name ?? p.Property.Name, p.Member.Order, p.Property.PropertyType))
            .OrderBy(p => p.Order)
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => (p.Name, p.PropertyType));
    }

    private static string TypeName(Type type, IDictionary<string, Type> contracts)
    {
        if (type == typeof(string))
        {
            return "xs:string";
        }

        if (type == typeof(int))
        {
            return "xs:int";
        }

        if (type == typeof(bool))
        {
            return "xs:boolean";
        }

        if (type.GetCustomAttribute<DataContractAttribute>() is { Namespace: Tns })
        {
            contracts[ContractNameOf(type)] = type;
            return "tns:" + ContractNameOf(type);
        }

        // Fail at the first WSDL request (and in its tests) rather than describe a type wrongly.
        throw new NotSupportedException($"{type.Name} is neither a simple type {nameof(InboundWsdl)} knows nor a data contract in {Tns}.");
    }

    private static string ContractNameOf(Type type) => type.GetCustomAttribute<DataContractAttribute>()?.Name ?? type.Name;

    private static Type ResultType(MethodInfo operation) =>
        operation.ReturnType.IsGenericType && operation.ReturnType.GetGenericTypeDefinition() == typeof(Task<>)
            ? operation.ReturnType.GetGenericArguments()[0]
            : operation.ReturnType;

    private static IEnumerable<Type> Faults() =>
        Operations.SelectMany(FaultsOf).Distinct().OrderBy(t => t.Name, StringComparer.Ordinal);

    private static IEnumerable<Type> FaultsOf(MethodInfo operation) =>
        operation.GetCustomAttributes<FaultContractAttribute>().Select(f => f.DetailType);

    private static void WriteMessages(XmlWriter writer)
    {
        foreach (var operation in Operations)
        {
            WriteMessage(writer, $"{ContractName}_{operation.Name}_InputMessage", "parameters", operation.Name);
            WriteMessage(writer, $"{ContractName}_{operation.Name}_OutputMessage", "parameters", operation.Name + "Response");
            foreach (var fault in FaultsOf(operation))
            {
                WriteMessage(writer, FaultMessageName(operation, fault), "detail", ContractNameOf(fault));
            }
        }
    }

    private static string FaultMessageName(MethodInfo operation, Type fault) => $"{ContractName}_{operation.Name}_{ContractNameOf(fault)}_FaultMessage";

    private static void WriteMessage(XmlWriter writer, string name, string part, string element)
    {
        writer.WriteStartElement("wsdl", "message", WsdlNs);
        writer.WriteAttributeString("name", name);
        writer.WriteStartElement("wsdl", "part", WsdlNs);
        writer.WriteAttributeString("name", part);
        writer.WriteAttributeString("element", "tns:" + element);
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WritePortType(XmlWriter writer)
    {
        writer.WriteStartElement("wsdl", "portType", WsdlNs);
        writer.WriteAttributeString("name", ContractName);
        foreach (var operation in Operations)
        {
            writer.WriteStartElement("wsdl", "operation", WsdlNs);
            writer.WriteAttributeString("name", operation.Name);
            WriteMessageReference(writer, "input", $"tns:{ContractName}_{operation.Name}_InputMessage");
            WriteMessageReference(writer, "output", $"tns:{ContractName}_{operation.Name}_OutputMessage");
            foreach (var fault in FaultsOf(operation))
            {
                writer.WriteStartElement("wsdl", "fault", WsdlNs);
                writer.WriteAttributeString("name", ContractNameOf(fault));
                writer.WriteAttributeString("message", "tns:" + FaultMessageName(operation, fault));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static void WriteMessageReference(XmlWriter writer, string direction, string message)
    {
        writer.WriteStartElement("wsdl", direction, WsdlNs);
        writer.WriteAttributeString("message", message);
        writer.WriteEndElement();
    }

    private static void WriteBinding(XmlWriter writer, string prefix, string ns, string version)
    {
        writer.WriteStartElement("wsdl", "binding", WsdlNs);
        writer.WriteAttributeString("name", ContractName + version);
        writer.WriteAttributeString("type", "tns:" + ContractName);
        writer.WriteStartElement(prefix, "binding", ns);
        writer.WriteAttributeString("transport", HttpTransport);
        writer.WriteAttributeString("style", "document");
        writer.WriteEndElement();
        foreach (var operation in Operations)
        {
            writer.WriteStartElement("wsdl", "operation", WsdlNs);
            writer.WriteAttributeString("name", operation.Name);
            writer.WriteStartElement(prefix, "operation", ns);
            writer.WriteAttributeString("soapAction", ActionsByOperation[operation.Name]);
            writer.WriteAttributeString("style", "document");
            writer.WriteEndElement();
            foreach (var direction in new[] { "input", "output" })
            {
                writer.WriteStartElement("wsdl", direction, WsdlNs);
                writer.WriteStartElement(prefix, "body", ns);
                writer.WriteAttributeString("use", "literal");
                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            foreach (var fault in FaultsOf(operation))
            {
                writer.WriteStartElement("wsdl", "fault", WsdlNs);
                writer.WriteAttributeString("name", ContractNameOf(fault));
                writer.WriteStartElement(prefix, "fault", ns);
                writer.WriteAttributeString("name", ContractNameOf(fault));
                writer.WriteAttributeString("use", "literal");
                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static void WritePort(XmlWriter writer, string prefix, string ns, string version, string address)
    {
        writer.WriteStartElement("wsdl", "port", WsdlNs);
        writer.WriteAttributeString("name", ContractName + version);
        writer.WriteAttributeString("binding", "tns:" + ContractName + version);
        writer.WriteStartElement(prefix, "address", ns);
        writer.WriteAttributeString("location", address);
        writer.WriteEndElement();
        writer.WriteEndElement();
    }
}
