using IntegrationHub.Connectors.DocumentExchange.Documents;
using IntegrationHub.Connectors.Kit;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Connectors.DocumentExchange.Transfer;

/// <summary>What a connector to an edXML-speaking system (the exchange platform, iDesk) works through: its HTTP API,
/// the attachment store documents stream into and out of, the kit's keyset reader for sequenced feeds, and the kit's
/// one-by-one writer (one call per message), which treats a status that overtook its document as that message's
/// failure, not the counterparty's.</summary>
public sealed class EdXmlConnection
{
    private readonly ILogger _logger;
    private readonly OneByOneWriter _writer;

    public EdXmlConnection(EdXmlHttpEndpoint endpoint, HttpClient httpClient, IAttachmentStore attachments, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        Api = new EdXmlHttpApi(httpClient, endpoint);
        Attachments = attachments ?? throw new ArgumentNullException(nameof(attachments));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _writer = new OneByOneWriter(endpoint.Counterparty, logger) { IsAboutTheMessage = EdXmlHttpFailures.IsAboutTheMessage };
    }

    public EdXmlHttpApi Api { get; }

    public IAttachmentStore Attachments { get; }

    /// <summary>A reader of envelopes that sends their attachments into <see cref="Attachments"/>.</summary>
    public DocumentDownload Download() => new(Attachments);

    /// <summary>Reads a sequenced feed (documents or statuses) from <paramref name="after"/>.</summary>
    public IAsyncEnumerable<SourceItem> ReadAsync(IKeysetFeed<EdXmlListItem, SequenceCursor> feed, SequenceCursor? after, CancellationToken cancellationToken) =>
        new KeysetFeedReader<EdXmlListItem, SequenceCursor>(feed, Api.Failures, _logger).ReadAsync(after, cancellationToken);

    /// <summary>POSTs each message's <see cref="HubDocument"/> to <paramref name="path"/>, its attachments streamed from the store.</summary>
    public Task<IReadOnlyList<WriteOutcome>> WriteDocumentsAsync(string stream, string path, IReadOnlyList<OutboundMessage> batch, CancellationToken cancellationToken) =>
        _writer.EachAsync(stream, batch, message => Api.PostDocumentAsync(path, message, Attachments, cancellationToken));

    /// <summary>POSTs each message's <see cref="EdXmlStatus"/> to <paramref name="path"/>.</summary>
    public Task<IReadOnlyList<WriteOutcome>> WriteStatusesAsync(string stream, string path, IReadOnlyList<OutboundMessage> batch, CancellationToken cancellationToken) =>
        _writer.EachAsync(stream, batch, message => Api.PostStatusAsync(path, message, cancellationToken));
}
