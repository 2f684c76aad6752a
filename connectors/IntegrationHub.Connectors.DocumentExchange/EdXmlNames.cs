namespace IntegrationHub.Connectors.DocumentExchange;

/// <summary>Element and attribute names of QCVN 102:2016, kept in one place so writer and reader cannot drift.</summary>
internal static class EdXmlNames
{
    public const string Namespace = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
    public const string Prefix = "edXML";

    public const string Envelope = "edXMLEnvelope";
    public const string Header = "edXMLHeader";
    public const string Body = "edXMLBody";
    public const string Manifest = "edXMLManifest";
    public const string Reference = "Reference";
    public const string Attachment = "Attachment";
    public const string ContentIdAttribute = "ContentId";

    public const string MessageHeader = "MessageHeader";
    public const string TraceHeaderList = "TraceHeaderList";
    public const string TraceHeader = "TraceHeader";
    public const string Status = "Status";
}
