using System.ComponentModel.DataAnnotations;
using IntegrationHub.Connectors.DocumentExchange;
using IntegrationHub.Connectors.DocumentExchange.Documents;
using IntegrationHub.Connectors.DocumentExchange.Transfer;
using IntegrationHub.Connectors.IDesk.Api;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Connectors.IDesk;

/// <summary>iDesk, the province's e-document system, over the API <see cref="IDeskUrls"/> describes. Sources: the
/// documents its officers send out (a checkpointed feed; attachments streamed into the attachment store) and the
/// status messages it produces. Destinations: documents received for the province (stored once per DocumentId, each
/// under its message's idempotency key; attachments streamed from the store) and status messages about its documents
/// (updating their state; recalls answered 15/16).</summary>
public sealed class IDeskConnector : ISourceConnector, IDestinationConnector
{
    public const string ConnectorId = "idesk";
    public const string OutgoingStream = "outgoing";
    public const string IncomingStream = "incoming";
    public const string StatusesStream = "statuses";
    private const string CodePrefix = "IDESK";

    private readonly IDeskOptions _options;
    private readonly IAttachmentStore _attachments;
    private readonly EdXmlHttpApi _api;
    private readonly TimeProvider _clock;
    private readonly ILogger<IDeskConnector> _logger;

    /// <param name="httpClient">From the host's factory, with the counterparty's resilience pipeline.</param>
    public IDeskConnector(IDeskOptions options, HttpClient httpClient, IAttachmentStore attachments, TimeProvider timeProvider, ILogger<IDeskConnector> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClient);
        _options = options;
        _attachments = attachments ?? throw new ArgumentNullException(nameof(attachments));
        _clock = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _api = new EdXmlHttpApi(httpClient, new EdXmlHttpEndpoint(options.BaseUrl, IDeskUrls.ApiKeyHeader, options.ApiKey, "iDesk", CodePrefix));
    }

    public ConnectorSpec Spec { get; } = new(
        ConnectorId,
        "1.0.0",
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
        ],
        typeof(IDeskOptions));

    public async Task<CheckResult> CheckAsync(CheckScope scope, CancellationToken cancellationToken)
    {
        var problems = ParameterProblems();
        if (problems.Length > 0 || scope == CheckScope.Parameters)
        {
            return problems.Length == 0 ? CheckResult.Success : CheckResult.Failed(problems);
        }

        try
        {
            using var _ = await _api.OpenAsync(IDeskUrls.Ping, [], cancellationToken).ConfigureAwait(false);
            return CheckResult.Success;
        }
        catch (ConnectorException ex)
        {
            _logger.LogWarning("iDesk connectivity check failed: {Failure}", ex.Message);
            return CheckResult.Failed(ex.Message);
        }
    }

    public IAsyncEnumerable<SourceItem> ReadAsync(string stream, SourceCheckpoint? checkpoint, CancellationToken cancellationToken)
    {
        ThrowIfInvalid();
        var after = FeedCursor.From(checkpoint, CodePrefix, stream);
        return stream switch
        {
            OutgoingStream => new OutgoingDocumentsReader(_api, new DocumentDownload(_attachments), _options, _clock).ReadAsync(after, cancellationToken),
            StatusesStream => new StatusFeedReader(_api, IDeskUrls.StatusChanges, [], _options.PageSize).ReadAsync(after, cancellationToken),
            _ => throw UnknownStream(stream, $"it reads '{OutgoingStream}' and '{StatusesStream}'"),
        };
    }

    public async Task<IReadOnlyList<WriteOutcome>> WriteAsync(string stream, IReadOnlyList<OutboundMessage> batch, CancellationToken cancellationToken)
    {
        ThrowIfInvalid();
        Func<OutboundMessage, Task<ConnectorFailure?>> write = stream switch
        {
            IncomingStream => message => _api.PostDocumentAsync(IDeskUrls.Incoming, message, _attachments, cancellationToken),
            StatusesStream => message => _api.PostStatusAsync(IDeskUrls.Statuses, message, cancellationToken),
            _ => throw UnknownStream(stream, $"it writes '{IncomingStream}' and '{StatusesStream}'"),
        };
        return await OneByOne.WriteAsync(batch, write, "iDesk", stream, _logger).ConfigureAwait(false);
    }

    private void ThrowIfInvalid()
    {
        var problems = ParameterProblems();
        if (problems.Length > 0)
        {
            throw new ConnectorException(new ConnectorFailure(FailureKind.Config, "IDESK-CONFIG", string.Join(" ", problems)));
        }
    }

    private string[] ParameterProblems()
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(_options, new ValidationContext(_options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage ?? "Invalid iDesk options.")];
    }

    private static ConnectorException UnknownStream(string stream, string what) =>
        new(new ConnectorFailure(FailureKind.Config, "IDESK-STREAM", $"iDesk has no stream '{stream}' in that direction; {what}."));
}
