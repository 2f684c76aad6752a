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

    private readonly EdXmlConnection _edXml;
    private readonly TimeProvider _clock;

    /// <param name="httpClient">From the host's factory, with the counterparty's resilience pipeline.</param>
    public IDeskConnector(IDeskOptions options, HttpClient httpClient, IAttachmentStore attachments, TimeProvider timeProvider, ILogger<IDeskConnector> logger)
        : base(IDesk, Streams, options, logger)
    {
        _clock = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _edXml = new EdXmlConnection(new EdXmlHttpEndpoint(options.BaseUrl, IDeskUrls.ApiKeyHeader, options.ApiKey, IDesk.Name, IDesk.CodePrefix), httpClient, attachments, logger);
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
            OutgoingStream => _edXml.ReadAsync(new OutgoingDocumentsFeed(_edXml.Api, _edXml.Download(), Options, _clock), after, cancellationToken),
            StatusesStream => _edXml.ReadAsync(new StatusFeed(_edXml.Api, stream, IDeskUrls.StatusChanges, [], Options.PageSize), after, cancellationToken),
            _ => throw UnknownStream(stream, StreamDirection.Source),
        };
    }

    public Task<IReadOnlyList<WriteOutcome>> WriteAsync(string stream, IReadOnlyList<OutboundMessage> batch, CancellationToken cancellationToken)
    {
        ThrowIfInvalid();
        return stream switch
        {
            IncomingStream => _edXml.WriteDocumentsAsync(stream, IDeskUrls.Incoming, batch, cancellationToken),
            StatusesStream => _edXml.WriteStatusesAsync(stream, IDeskUrls.Statuses, batch, cancellationToken),
            _ => throw UnknownStream(stream, StreamDirection.Destination),
        };
    }

    protected override async Task CheckConnectivityAsync(CancellationToken cancellationToken)
    {
        using var _ = await _edXml.Api.OpenAsync(IDeskUrls.Ping, [], cancellationToken).ConfigureAwait(false);
    }
}
