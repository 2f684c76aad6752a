namespace IntegrationHub.Connectors.IDesk.Api;

/// <summary>iDesk's integration API as this project designs it (iDesk speaks edXML to the exchange platform already,
/// so its API carries the same envelopes): REST, API key in <c>X-Api-Key</c>, edXML bodies as <c>application/xml</c>.
/// <list type="bullet">
/// <item><c>GET api/idesk/outgoing?after=&amp;limit=</c>: documents officers sent out, in order (JSON page of
/// <c>{seq, documentId}</c>); <c>GET api/idesk/outgoing/content?documentId=</c>: one, streamed edXML.</item>
/// <item><c>GET api/idesk/status-changes?after=&amp;limit=</c>: status messages iDesk produced (its officers processing
/// received documents, recalls of sent ones), each as edXML text.</item>
/// <item><c>POST api/idesk/incoming</c> (edXML envelope, streamed; <c>Idempotency-Key</c>): a received document; 201,
/// or 200 for a DocumentId iDesk already has (stored once).</item>
/// <item><c>POST api/idesk/statuses</c> (edXML status message): updates the state of the document it is about; a
/// recall (13) of a received document is answered 15/16 in the status changes; 404 unknown document.</item>
/// </list></summary>
public static class IDeskUrls
{
    public const string ApiKeyHeader = "X-Api-Key";
    public const string Outgoing = "api/idesk/outgoing";
    public const string OutgoingContent = "api/idesk/outgoing/content";
    public const string StatusChanges = "api/idesk/status-changes";
    public const string Incoming = "api/idesk/incoming";
    public const string Statuses = "api/idesk/statuses";
    public const string Ping = "api/idesk/ping";
}
