using IntegrationHub.Connectors.DocumentExchange.Documents;
using IntegrationHub.Connectors.DocumentExchange.Exchange;
using IntegrationHub.Connectors.DocumentExchange.Transfer;
using IntegrationHub.Connectors.Kit;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Connectors.DocumentExchange;

/// <summary>The national document-exchange platform (edXML, QCVN 102:2016), over the API <see cref="ExchangeUrls"/>
/// describes. Destinations: documents the province sends (streamed from the attachment store into the request body)
/// and status messages it posts, one call per message. Sources: documents waiting for the province (attachments
/// streamed into the store, only references in the record) and status messages addressed to it.</summary>
public sealed class ExchangeConnector : ConnectorBase<ExchangeOptions>, ISourceConnector, IDestinationConnector
{
    public const string ConnectorId = "exchange";
    public const string DocumentsStream = "documents";
    public const string ReceivedStream = "received";
    public const string StatusesStream = "statuses";

    private static readonly ConnectorIdentity Exchange = new(ConnectorId, "The exchange platform", "1.0.0", "EXCHANGE");

    private readonly IAttachmentStore _attachments;
    private readonly EdXmlHttpApi _api;
    private readonly TimeProvider _clock;
    private readonly OneByOneWriter _writer;

    /// <param name="httpClient">From the host's factory, with the counterparty's resilience pipeline.</param>
    public ExchangeConnector(ExchangeOptions options, HttpClient httpClient, IAttachmentStore attachments, TimeProvider timeProvider, ILogger<ExchangeConnector> logger)
        : base(Exchange, Streams, options, logger)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        _attachments = attachments ?? throw new ArgumentNullException(nameof(attachments));
        _clock = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _api = new EdXmlHttpApi(httpClient, new EdXmlHttpEndpoint(options.BaseUrl, ExchangeUrls.ApiKeyHeader, options.ApiKey, Exchange.Name, Exchange.CodePrefix));
        _writer = new OneByOneWriter(Exchange.Name, logger) { IsAboutTheMessage = EdXmlHttpFailures.IsAboutTheMessage };
    }

    private static IReadOnlyList<StreamSpec> Streams { get; } =
    [
        new StreamSpec(DocumentsStream, StreamDirection.Destination, "E-documents the province sends (HubDocument: edXML header and attachment references); once per DocumentId.") { Key = ["documentId"] },
        new StreamSpec(ReceivedStream, StreamDirection.Source, "E-documents waiting for the province; key and business key DocumentId, version 1; attachments in the hub's attachment store.")
        {
            Key = ["documentId"],
            Cursor = "{seen}: ids of the documents already stored that the platform still lists",
        },
        new StreamSpec(StatusesStream, StreamDirection.Both, "edXML status messages (01 arrived … 06 done, 13 recall, 15/16 its answer): read those addressed to the province, post the province's; key DocumentId.")
        {
            Key = ["responseFor.documentId"],
            Cursor = "the Seq of the last status read; the next page is after it",
        },
    ];

    public IAsyncEnumerable<SourceItem> ReadAsync(string stream, SourceCheckpoint? checkpoint, CancellationToken cancellationToken)
    {
        ThrowIfInvalid();
        return stream switch
        {
            ReceivedStream => new ReceivedDocumentsReader(Exchange, _api, Options, new DocumentDownload(_attachments), _clock, Logger).ReadAsync(checkpoint, cancellationToken),
            StatusesStream => new KeysetFeedReader<EdXmlListItem, SequenceCursor>(
                    new StatusFeed(_api, stream, ExchangeUrls.Statuses, [new("organId", Options.OrganId)], Options.PageSize), _api.Failures, Logger)
                .ReadAsync(SequenceCursor.From(checkpoint, Exchange, stream), cancellationToken),
            _ => throw UnknownStream(stream, StreamDirection.Source),
        };
    }

    public async Task<IReadOnlyList<WriteOutcome>> WriteAsync(string stream, IReadOnlyList<OutboundMessage> batch, CancellationToken cancellationToken)
    {
        ThrowIfInvalid();
        Func<OutboundMessage, Task<ConnectorFailure?>> write = stream switch
        {
            DocumentsStream => message => _api.PostDocumentAsync(ExchangeUrls.Documents, message, _attachments, cancellationToken),
            StatusesStream => message => _api.PostStatusAsync(ExchangeUrls.Statuses, message, cancellationToken),
            _ => throw UnknownStream(stream, StreamDirection.Destination),
        };
        return await _writer.EachAsync(stream, batch, write).ConfigureAwait(false);
    }

    protected override async Task CheckConnectivityAsync(CancellationToken cancellationToken)
    {
        var agencies = await _api.GetJsonAsync<List<ExchangeAgencyItem>>(ExchangeUrls.Agencies, [], cancellationToken).ConfigureAwait(false);
        if (agencies.All(a => a.OrganId != Options.OrganId))
        {
            throw new ConnectorException(new ConnectorFailure(
                FailureKind.Config, Exchange.ConfigCode, $"OrganId {Options.OrganId} is not among the {agencies.Count} agencies connected to the platform."));
        }
    }
}
