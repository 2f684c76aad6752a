using System.Xml.Linq;

namespace IntegrationHub.Connectors.DocumentExchange;

/// <summary>Turns a loaded <c>edXMLHeader</c> element into the message header and trace list, with typed errors.</summary>
internal static class EdXmlHeaderParser
{
    public static EdXmlMessageHeader MessageHeader(XElement edXmlHeader)
    {
        var header = edXmlHeader.RequiredChild(EdXmlNames.MessageHeader);
        var from = EdXmlElementReader.Organization(header.Child("From"));
        EdXmlEnvelopeRules.CheckFrom(from);
        var to = header.Children("To").Select(EdXmlElementReader.Organization).ToList();
        if (to.Count == 0 || to.Any(t => t is null))
        {
            throw new EdXmlException(EdXmlErrorCodes.MissingTo, "MessageHeader needs at least one To organisation, each with an OrganId.");
        }

        var documentId = header.Optional("DocumentId");
        if (string.IsNullOrWhiteSpace(documentId))
        {
            throw new EdXmlException(EdXmlErrorCodes.MissingDocumentId, "MessageHeader has no DocumentId.");
        }

        return new EdXmlMessageHeader
        {
            From = from!,
            To = to!,
            DocumentId = documentId,
            Code = Code(header.Child("Code")),
            PromulgationInfo = PromulgationInfo(header.RequiredChild("PromulgationInfo")),
            DocumentType = DocumentType(header.Child("DocumentType")),
            Subject = header.Text("Subject"),
            Content = header.Text("Content"),
            SignerInfo = SignerInfo(header.Child("SignerInfo")),
            OtherInfo = OtherInfo(header.Child("OtherInfo")),
            SteeringType = header.OptionalNumber("SteeringType"),
        };
    }

    public static IReadOnlyList<EdXmlTraceHeader> TraceHeaders(XElement edXmlHeader) =>
        edXmlHeader.Child(EdXmlNames.TraceHeaderList)?.Children(EdXmlNames.TraceHeader)
            .Select(trace => new EdXmlTraceHeader
            {
                OrganId = trace.Required("OrganId"),
                Timestamp = EdXmlFormat.ParseTimestamp(trace.Required("Timestamp"), "TraceHeader/Timestamp"),
            })
            .ToList() ?? [];

    private static EdXmlCode Code(XElement? code) =>
        code is null ? new() : new() { CodeNumber = code.Text("CodeNumber"), CodeNotation = code.Text("CodeNotation") };

    private static EdXmlPromulgationInfo PromulgationInfo(XElement info) => new()
    {
        Place = info.Text("Place"),
        PromulgationDate = EdXmlFormat.ParseDate(info.Required("PromulgationDate"), "PromulgationDate"),
    };

    private static EdXmlDocumentType DocumentType(XElement? type) =>
        type is null ? new() : new() { Type = type.OptionalNumber("Type") ?? 0, TypeName = type.Text("TypeName") };

    private static EdXmlSignerInfo SignerInfo(XElement? signer) => signer is null
        ? new()
        : new() { Competence = signer.Text("Competence"), Position = signer.Text("Position"), FullName = signer.Text("FullName") };

    private static EdXmlOtherInfo OtherInfo(XElement? other) => other is null
        ? new()
        : new()
        {
            Priority = other.OptionalNumber("Priority") ?? 0,
            SphereOfPromulgation = other.Optional("SphereOfPromulgation"),
            TyperNotation = other.Optional("TyperNotation"),
            PromulgationAmount = other.OptionalNumber("PromulgationAmount"),
            PageAmount = other.OptionalNumber("PageAmount"),
        };
}
