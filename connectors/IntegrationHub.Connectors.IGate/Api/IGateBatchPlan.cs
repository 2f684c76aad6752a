using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.IGate.Api;

/// <summary>One batch of messages on its way to one of iGate's destination streams: which ones could be mapped (and
/// are sent, once per idempotency key) and which failed mapping (and are never sent). Turns iGate's reply back into
/// one outcome per message, in batch order.</summary>
internal sealed class IGateBatchPlan<TItem>
    where TItem : class
{
    private const string MappingErrorCode = "IGATE-MAPPING";

    private readonly IReadOnlyList<OutboundMessage> _messages;
    private readonly ConnectorFailure?[] _mappingFailures;
    private readonly string _subject;

    private IGateBatchPlan(IReadOnlyList<OutboundMessage> messages, ConnectorFailure?[] mappingFailures, IReadOnlyList<TItem> items, string subject)
    {
        _messages = messages;
        _mappingFailures = mappingFailures;
        _subject = subject;
        Items = items;
    }

    /// <summary>What goes over the wire; empty when no message could be mapped.</summary>
    public IReadOnlyList<TItem> Items { get; }

    public int MappingFailures => _mappingFailures.Count(f => f is not null);

    public static IGateBatchPlan<TItem> Create(IReadOnlyList<OutboundMessage> messages, IGateDestination<TItem> destination)
    {
        var failures = new ConnectorFailure?[messages.Count];
        var items = new List<TItem>(messages.Count);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            string? problem = "message has no idempotency key";
            var item = string.IsNullOrEmpty(message.IdempotencyKey) ? null : destination.Map(message.IdempotencyKey, message.Payload, out problem);
            if (item is null)
            {
                failures[i] = new ConnectorFailure(
                    FailureKind.Permanent, MappingErrorCode, $"Cannot map message to an iGate {destination.Subject}: {problem ?? "unreadable payload"}.");
            }
            else if (keys.Add(message.IdempotencyKey))
            {
                // A key repeated inside one batch is sent once; its result answers every message that carries it.
                items.Add(item);
            }
        }

        return new IGateBatchPlan<TItem>(messages, failures, items, destination.Subject);
    }

    public IReadOnlyList<WriteOutcome> Outcomes(IReadOnlyList<IGateItemResult> results)
    {
        var byKey = new Dictionary<string, IGateItemResult>(StringComparer.Ordinal);
        foreach (var result in results.OfType<IGateItemResult>())
        {
            if (result.IdempotencyKey is { } key)
            {
                byKey.TryAdd(key, result);
            }
        }

        var outcomes = new WriteOutcome[_messages.Count];
        for (var i = 0; i < _messages.Count; i++)
        {
            var messageId = _messages[i].MessageId;
            outcomes[i] = _mappingFailures[i] is { } failure
                ? WriteOutcome.Failed(messageId, failure)
                : OutcomeOf(messageId, byKey.GetValueOrDefault(_messages[i].IdempotencyKey));
        }

        return outcomes;
    }

    private WriteOutcome OutcomeOf(long messageId, IGateItemResult? result)
    {
        if (result is null)
        {
            // Unknown whether it was applied; a retry under the same idempotency key is safe.
            return WriteOutcome.Failed(messageId, new ConnectorFailure(FailureKind.Transient, "IGATE-NO-RESULT", "iGate's reply has no result for this message."));
        }

        if (IGateItemStatus.IsDelivered(result.Status))
        {
            return WriteOutcome.Success(messageId, result.Reference);
        }

        return result.Status == IGateItemStatus.Rejected
            ? WriteOutcome.Failed(messageId, new ConnectorFailure(FailureKind.Permanent, result.ErrorCode ?? "IGATE-REJECTED", result.ErrorMessage ?? $"iGate rejected the {_subject}."))
            : WriteOutcome.Failed(messageId, new ConnectorFailure(FailureKind.Transient, "IGATE-UNKNOWN-STATUS", $"iGate answered an unknown status '{result.Status}'."));
    }
}
