using System.ComponentModel.DataAnnotations;
using System.Runtime.CompilerServices;
using IntegrationHub.Connectors.DocumentExchange.Documents;
using IntegrationHub.Connectors.DocumentExchange.Exchange;
using IntegrationHub.Connectors.DocumentExchange.Transfer;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Connectors.DocumentExchange;

/// <summary>The national document-exchange platform (edXML, QCVN 102:2016), over the API <see cref="ExchangeUrls"/>
/// describes. Destinations: documents the province sends (streamed from the attachment store into the request body)
/// and status messages it posts. Sources: documents waiting for the province (attachments streamed into the store,
/// only references in the record) and status messages addressed to it.</summary>
public sealed class ExchangeConnector : ISourceConnector, IDestinationConnector
{
    public const string ConnectorId = "exchange";
    public const string DocumentsStream = "documents";
    public const string ReceivedStream = "received";
    public const string StatusesStream = "statuses";
    private const string CodePrefix = "EXCHANGE";

    private readonly ExchangeOptions _options;
    private readonly IAttachmentStore _attachments;
    private readonly EdXmlHttpApi _api;
    private readonly TimeProvider _clock;
    private readonly ILogger<ExchangeConnector> _logger;

    /// <param name="httpClient">From the host's factory, with the counterparty's resilience pipeline.</param>
    public ExchangeConnector(ExchangeOptions options, HttpClient httpClient, IAttachmentStore attachments, TimeProvider timeProvider, ILogger<ExchangeConnector> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClient);
        _options = options;
        _attachments = attachments ?? throw new ArgumentNullException(nameof(attachments));
        _clock = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _api = new EdXmlHttpApi(httpClient, new EdXmlHttpEndpoint(options.BaseUrl, ExchangeUrls.ApiKeyHeader, options.ApiKey, "The exchange platform", CodePrefix));
    }

    public ConnectorSpec Spec { get; } = new(
        ConnectorId,
        "1.0.0",
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
        ],
        typeof(ExchangeOptions));

    public async Task<CheckResult> CheckAsync(CheckScope scope, CancellationToken cancellationToken)
    {
        var problems = ParameterProblems();
        if (problems.Length > 0 || scope == CheckScope.Parameters)
        {
            return problems.Length == 0 ? CheckResult.Success : CheckResult.Failed(problems);
        }

        try
        {
            var agencies = await _api.GetJsonAsync<List<ExchangeAgencyItem>>(ExchangeUrls.Agencies, [], cancellationToken).ConfigureAwait(false);
            return agencies.Any(a => a.OrganId == _options.OrganId)
                ? CheckResult.Success
                : CheckResult.Failed($"OrganId {_options.OrganId} is not among the {agencies.Count} agencies connected to the platform.");
        }
        catch (ConnectorException ex)
        {
            _logger.LogWarning("Exchange platform connectivity check failed: {Failure}", ex.Message);
            return CheckResult.Failed(ex.Message);
        }
    }

    public IAsyncEnumerable<SourceItem> ReadAsync(string stream, SourceCheckpoint? checkpoint, CancellationToken cancellationToken)
    {
        ThrowIfInvalid();
        return stream switch
        {
            ReceivedStream => new ReceivedDocumentsReader(_api, _options, new DocumentDownload(_attachments), _clock, _logger).ReadAsync(checkpoint, cancellationToken),
            StatusesStream => new StatusFeedReader(_api, ExchangeUrls.Statuses, [new("organId", _options.OrganId)], _options.PageSize)
                .ReadAsync(FeedCursor.From(checkpoint, CodePrefix, stream), cancellationToken),
            _ => throw UnknownStream(stream, $"it reads '{ReceivedStream}' and '{StatusesStream}'"),
        };
    }

    public async Task<IReadOnlyList<WriteOutcome>> WriteAsync(string stream, IReadOnlyList<OutboundMessage> batch, CancellationToken cancellationToken)
    {
        ThrowIfInvalid();
        Func<OutboundMessage, Task<ConnectorFailure?>> write = stream switch
        {
            DocumentsStream => message => _api.PostDocumentAsync(ExchangeUrls.Documents, message, _attachments, cancellationToken),
            StatusesStream => message => _api.PostStatusAsync(ExchangeUrls.Statuses, message, cancellationToken),
            _ => throw UnknownStream(stream, $"it writes '{DocumentsStream}' and '{StatusesStream}'"),
        };
        return await OneByOne.WriteAsync(batch, write, "exchange platform", stream, _logger).ConfigureAwait(false);
    }

    private void ThrowIfInvalid()
    {
        var problems = ParameterProblems();
        if (problems.Length > 0)
        {
            throw new ConnectorException(new ConnectorFailure(FailureKind.Config, "EXCHANGE-CONFIG", string.Join(" ", problems)));
        }
    }

    private string[] ParameterProblems()
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(_options, new ValidationContext(_options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage ?? "Invalid exchange options.")];
    }

    private static ConnectorException UnknownStream(string stream, string what) =>
        new(new ConnectorFailure(FailureKind.Config, "EXCHANGE-STREAM", $"The exchange platform has no stream '{stream}' in that direction; {what}."));
}
