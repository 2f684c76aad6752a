using IntegrationHub.Connectors.DocumentExchange;
using IntegrationHub.Connectors.DocumentExchange.Documents;
using IntegrationHub.Connectors.TestKit;

namespace IntegrationHub.Connectors.Tests.DocumentExchange;

/// <summary>Documents as the hub holds them (header and attachment references), with attachments put in a test store.</summary>
internal static class HubDocumentSamples
{
    public static HubDocument Outgoing(FileAttachmentStore store, string documentId, IReadOnlyList<string> to, params int[] attachmentSizes) => new()
    {
        DocumentId = documentId,
        Header = EdXmlSamples.Header() with
        {
            DocumentId = documentId,
            From = new EdXmlOrganization { OrganId = ExchangeTestRig.OrganId, OrganName = "UBND tỉnh Khánh Hòa" },
            To = [.. to.Select(id => new EdXmlOrganization { OrganId = id })],
        },
        TraceHeaderList = EdXmlSamples.Traces(),
        Attachments = [.. attachmentSizes.Select((size, i) => new HubAttachment
        {
            ContentId = $"att-{i}",
            Stored = store.Put($"tep-{i}.pdf", EdXmlSamples.Content(size, i + 11)),
        })],
    };

    public static EdXmlStatus Status(HubDocument document, string from, EdXmlStatusCode code) => new()
    {
        ResponseFor = new EdXmlResponseFor
        {
            OrganId = document.Header.From.OrganId, Code = "125/UBND-VP", PromulgationDate = document.Header.PromulgationInfo.PromulgationDate, DocumentId = document.DocumentId,
        },
        From = new EdXmlOrganization { OrganId = from },
        StatusCode = code,
        Description = "kiểm thử",
        Timestamp = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.FromHours(7)),
    };
}
