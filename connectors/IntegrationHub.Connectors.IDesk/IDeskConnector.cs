using IntegrationHub.Connectors.DocumentExchange.Documents;
using IntegrationHub.Connectors.DocumentExchange.Transfer;
using IntegrationHub.Connectors.IDesk.Api;
using IntegrationHub.Connectors.Kit;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Connectors.IDesk;

/// <summary>iDesk, the province's e-document system, over the API <see cref="IDeskUrls"/> describes. Sources: the
/// documents its officers send out (a checkpointed feed; attachments streamed into the attachment store) and the
/// status messages it produces. Destinations: documents received for the province (stored once per DocumentId, each
/// under its message's idempotency key; attachments streamed from the store) and status messages about its documents
/// (updating their state; recalls answered 15/16), one call per message.</summary>
public sealed class IDeskConnector : ConnectorBase<IDeskOptions>, ISourceConnector, IDestinationConnector
{
    public const string ConnectorId = "idesk";
    public const string OutgoingStream = "outgoing";
    public const string IncomingStream = "incoming";
    public const string StatusesStream = "statuses";

    private static readonly ConnectorIdentity IDesk = new(ConnectorId, "iDesk", "1.0.0", "IDESK");

    private readonly IAttachmentStore _attachments;
    private readonly EdXmlHttpApi _api;
    private readonly TimeProvider _clock;
    private readonly OneByOneWriter _writer;

    /// <param name="httpClient">From the host's factory, with the counterparty's resilience pipeline.</param>
    public IDeskConnector(IDeskOptions options, HttpClient httpClient, IAttachmentStore attachments, TimeProvider timeProvider, ILogger<IDeskConnector> logger)
        : base(IDesk, Streams, options, logger)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        _attachments = attachments ?? throw new ArgumentNullException(nameof(attachments));
        _clock = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _api = new EdXmlHttpApi(httpClient, new EdXmlHttpEndpoint(options.BaseUrl, IDeskUrls.ApiKeyHeader, options.ApiKey, IDesk.Name, IDesk.CodePrefix));
        _writer = new OneByOneWriter(IDesk.Name, logger) { IsAboutTheMessage = EdXmlHttpFailures.IsAboutTheMessage };
    }

    private static IReadOnlyList<StreamSpec> Streams { get; } =
    [
        new StreamSpec(OutgoingStream, StreamDirection.Source, "E-documents officers send out (HubDocument); key and business key DocumentId, version 1; attachments in the hub's attachment store.")
        {
            Key = ["documentId"],
            Cursor = "the Seq of the last outgoing document read; the next page is after it",
        },
        new StreamSpec(IncomingStream, StreamDirection.Destination, "E-documents received for the province; stored once per DocumentId.") { Key = ["documentId"] },
        new StreamSpec(StatusesStream, StreamDirection.Both, "edXML status messages: read those iDesk produces (processing of received documents, recalls of sent ones), apply those about its documents; key DocumentId.")
        {
            Key = ["responseFor.documentId"],
            Cursor = "the Seq of the last status read; the next page is after it",
        },
    ];

    public IAsyncEnumerable<SourceItem> ReadAsync(string stream, SourceCheckpoint? checkpoint, CancellationToken cancellationToken)
    {
        ThrowIfInvalid();
        var after = SequenceCursor.From(checkpoint, IDesk, stream);
        return stream switch
        {
            OutgoingStream => Read(new OutgoingDocumentsFeed(_api, new DocumentDownload(_attachments), Options, _clock), after, cancellationToken),
            StatusesStream => Read(new StatusFeed(_api, stream, IDeskUrls.StatusChanges, [], Options.PageSize), after, cancellationToken),
            _ => throw UnknownStream(stream, StreamDirection.Source),
        };
    }

    public async Task<IReadOnlyList<WriteOutcome>> WriteAsync(string stream, IReadOnlyList<OutboundMessage> batch, CancellationToken cancellationToken)
    {
        ThrowIfInvalid();
        Func<OutboundMessage, Task<ConnectorFailure?>> write = stream switch
        {
            IncomingStream => message => _api.PostDocumentAsync(IDeskUrls.Incoming, message, _attachments, cancellationToken),
            StatusesStream => message => _api.PostStatusAsync(IDeskUrls.Statuses, message, cancellationToken),
            _ => throw UnknownStream(stream, StreamDirection.Destination),
        };
        return await _writer.EachAsync(stream, batch, write).ConfigureAwait(false);
    }

    protected override async Task CheckConnectivityAsync(CancellationToken cancellationToken)
    {
        using var _ = await _api.OpenAsync(IDeskUrls.Ping, [], cancellationToken).ConfigureAwait(false);
    }

    private IAsyncEnumerable<SourceItem> Read(IKeysetFeed<EdXmlListItem, SequenceCursor> feed, SequenceCursor? after, CancellationToken cancellationToken) =>
        new KeysetFeedReader<EdXmlListItem, SequenceCursor>(feed, _api.Failures, Logger).ReadAsync(after, cancellationToken);
}
