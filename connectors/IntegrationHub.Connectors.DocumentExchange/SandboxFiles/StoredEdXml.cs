namespace IntegrationHub.Connectors.DocumentExchange.SandboxFiles;

/// <summary>An edXML envelope a sandbox keeps as a file (so a 50 MB document costs no memory), with its parsed header
/// and the length and hash of each attachment.</summary>
public sealed record StoredEdXml(string Path, EdXmlMessageHeader Header, IReadOnlyList<EdXmlTraceHeader> TraceHeaderList, IReadOnlyList<StoredAttachment> Attachments)
{
    public string DocumentId => Header.DocumentId;
}
