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

    private readonly EdXmlConnection _edXml;
    private readonly TimeProvider _clock;

    /// <param name="httpClient">From the host's factory, with the counterparty's resilience pipeline.</param>
    public ExchangeConnector(ExchangeOptions options, HttpClient httpClient, IAttachmentStore attachments, TimeProvider timeProvider, ILogger<ExchangeConnector> logger)
        : base(Exchange, Streams, options, logger)
    {
        _clock = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _edXml = new EdXmlConnection(new EdXmlHttpEndpoint(options.BaseUrl, ExchangeUrls.ApiKeyHeader, options.ApiKey, Exchange.Name, Exchange.CodePrefix), httpClient, attachments, logger);
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
            ReceivedStream => new ReceivedDocumentsReader(Exchange, _edXml.Api, Options, _edXml.Download(), _clock, Logger).ReadAsync(checkpoint, cancellationToken),
            StatusesStream => _edXml.ReadAsync(
                new StatusFeed(_edXml.Api, stream, ExchangeUrls.Statuses, [new("organId", Options.OrganId)], Options.PageSize), SequenceCursor.From(checkpoint, Exchange, stream), cancellationToken),
            _ => throw UnknownStream(stream, StreamDirection.Source),
        };
    }

    public Task<IReadOnlyList<WriteOutcome>> WriteAsync(string stream, IReadOnlyList<OutboundMessage> batch, CancellationToken cancellationToken)
    {
        ThrowIfInvalid();
        return stream switch
        {
            DocumentsStream => _edXml.WriteDocumentsAsync(stream, ExchangeUrls.Documents, batch, cancellationToken),
            StatusesStream => _edXml.WriteStatusesAsync(stream, ExchangeUrls.Statuses, batch, cancellationToken),
            _ => throw UnknownStream(stream, StreamDirection.Destination),
        };
    }

    protected override async Task CheckConnectivityAsync(CancellationToken cancellationToken)
    {
        var agencies = await _edXml.Api.GetJsonAsync<List<ExchangeAgencyItem>>(ExchangeUrls.Agencies, [], cancellationToken).ConfigureAwait(false);
        if (agencies.All(a => a.OrganId != Options.OrganId))
        {
            throw new ConnectorException(new ConnectorFailure(
                FailureKind.Config, Exchange.ConfigCode, $"OrganId {Options.OrganId} is not among the {agencies.Count} agencies connected to the platform."));
        }
    }
}
