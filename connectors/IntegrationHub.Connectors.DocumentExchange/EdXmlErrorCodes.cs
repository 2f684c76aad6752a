namespace IntegrationHub.Connectors.DocumentExchange;

/// <summary>Values of <see cref="EdXmlException.Code"/>: stable, machine-readable reasons an edXML message was rejected.</summary>
public static class EdXmlErrorCodes
{
    /// <summary>The document is not well-formed XML.</summary>
    public const string MalformedXml = "malformed_xml";

    /// <summary>The document has a DOCTYPE: DTDs are refused outright (XXE, entity expansion).</summary>
    public const string DtdForbidden = "dtd_forbidden";

    /// <summary>The root is not in the QCVN 102:2016 namespace (or has none).</summary>
    public const string WrongNamespace = "wrong_namespace";

    /// <summary>The root is in the right namespace but is not the expected element (edXMLEnvelope).</summary>
    public const string UnexpectedRoot = "unexpected_root";

    /// <summary>MessageHeader or Status has no From organisation (or it has no OrganId).</summary>
    public const string MissingFrom = "missing_from";

    /// <summary>MessageHeader has no To organisation (or one has no OrganId).</summary>
    public const string MissingTo = "missing_to";

    /// <summary>MessageHeader has no DocumentId.</summary>
    public const string MissingDocumentId = "missing_document_id";

    /// <summary>Another required element is absent or empty.</summary>
    public const string MissingField = "missing_field";

    /// <summary>An element holds a value of the wrong shape (a date, a number, an unknown status code).</summary>
    public const string InvalidValue = "invalid_value";

    /// <summary>An attachment's content is not valid base64.</summary>
    public const string BadBase64 = "bad_base64";

    /// <summary>A manifest Reference has no attachment, an attachment has no Reference, or a ContentId repeats.</summary>
    public const string ManifestMismatch = "manifest_mismatch";
}
