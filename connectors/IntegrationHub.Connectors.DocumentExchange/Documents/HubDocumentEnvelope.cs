using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.DocumentExchange.Documents;

/// <summary>Turns a <see cref="HubDocument"/> back into an <see cref="EdXmlEnvelope"/> whose attachments open their
/// content from the attachment store each time the envelope is written (each send attempt reads them afresh).</summary>
public static class HubDocumentEnvelope
{
    public static EdXmlEnvelope Create(HubDocument document, IAttachmentStore store) => new()
    {
        Header = document.Header,
        TraceHeaderList = document.TraceHeaderList,
        Attachments = [.. document.Attachments.Select(a => new EdXmlAttachment { Info = a.Info(), OpenContent = () => store.OpenRead(a.Stored) })],
    };
}
