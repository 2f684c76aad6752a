namespace IntegrationHub.Connectors.DocumentExchange.Exchange;

/// <summary>The exchange platform's API as this project designs it (the reference lists the operations, not a
/// transport): REST over HTTP, API key in <c>X-Api-Key</c>, edXML bodies as <c>application/xml</c>, listings as JSON.
/// Ids travel in the query string: a DocumentId ("000.00.00.H56,2026/11/28,125") has slashes.
/// <list type="bullet">
/// <item><c>POST api/edxml/documents</c> (edXML envelope, streamed; <c>Idempotency-Key</c>): send; 201, or 200 for a
/// DocumentId already sent; 400 <c>{code}</c> with an <see cref="EdXmlErrorCodes"/> value; 422 unknown addressee.</item>
/// <item><c>GET api/edxml/documents/received?organId=</c>: documents waiting for the agency (JSON).</item>
/// <item><c>GET api/edxml/documents/content?organId=&amp;documentId=</c>: one document, streamed edXML.</item>
/// <item><c>POST api/edxml/statuses</c> (edXML status message): update status; 202, 200 repeated key, 404 unknown
/// document, 403 not a party to it.</item>
/// <item><c>GET api/edxml/statuses?organId=&amp;after=&amp;limit=</c>: the agency's status messages after a sequence
/// number, each as edXML text (JSON page).</item>
/// <item><c>GET api/edxml/agencies</c>: agencies connected to the platform (JSON).</item>
/// </list></summary>
public static class ExchangeUrls
{
    public const string ApiKeyHeader = "X-Api-Key";
    public const string Documents = "api/edxml/documents";
    public const string Received = "api/edxml/documents/received";
    public const string Content = "api/edxml/documents/content";
    public const string Statuses = "api/edxml/statuses";
    public const string Agencies = "api/edxml/agencies";
}
