using IntegrationHub.Connectors.IGate.Mapping;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.IGate.Api;

/// <summary>One batch of messages on its way to iGate: which ones could be mapped (and are sent, once per idempotency key)
/// and which failed mapping (and are never sent). Turns iGate's reply back into one outcome per message, in batch order.</summary>
internal sealed class IGateBatchPlan
{
    public const string MappingErrorCode = "IGATE-MAPPING";

    private readonly IReadOnlyList<OutboundMessage> _messages;
    private readonly ConnectorFailure?[] _mappingFailures;

    private IGateBatchPlan(IReadOnlyList<OutboundMessage> messages, ConnectorFailure?[] mappingFailures, IReadOnlyList<IGateBatchItem> items)
    {
        _messages = messages;
        _mappingFailures = mappingFailures;
        Items = items;
    }

    /// <summary>What goes over the wire; empty when no message could be mapped.</summary>
    public IReadOnlyList<IGateBatchItem> Items { get; }

    public int MappingFailures => _mappingFailures.Count(f => f is not null);

    public static IGateBatchPlan Create(IReadOnlyList<OutboundMessage> messages)
    {
        var failures = new ConnectorFailure?[messages.Count];
        var items = new List<IGateBatchItem>(messages.Count);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            var procedure = NationalProcedureMapper.TryMap(message.Payload, out var problem);
            if (procedure is null || string.IsNullOrEmpty(message.IdempotencyKey))
            {
                problem ??= "message has no idempotency key";
                failures[i] = new ConnectorFailure(FailureKind.Permanent, MappingErrorCode, $"Cannot map message to an iGate procedure: {problem}.");
            }
            else if (keys.Add(message.IdempotencyKey))
            {
                // A key repeated inside one batch is sent once; its result answers every message that carries it.
                items.Add(new IGateBatchItem(message.IdempotencyKey, procedure));
            }
        }

        return new IGateBatchPlan(messages, failures, items);
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

    private static WriteOutcome OutcomeOf(long messageId, IGateItemResult? result)
    {
        if (result is null)
        {
            // Unknown whether it was applied; a retry under the same idempotency key is safe.
            return WriteOutcome.Failed(messageId, new ConnectorFailure(FailureKind.Transient, "IGATE-NO-RESULT", "iGate's reply has no result for this message."));
        }

        if (IGateItemStatus.IsDelivered(result.Status))
        {
            return WriteOutcome.Success(messageId);
        }

        return result.Status == IGateItemStatus.Rejected
            ? WriteOutcome.Failed(messageId, new ConnectorFailure(FailureKind.Permanent, result.ErrorCode ?? "IGATE-REJECTED", result.ErrorMessage ?? "iGate rejected the procedure."))
            : WriteOutcome.Failed(messageId, new ConnectorFailure(FailureKind.Transient, "IGATE-UNKNOWN-STATUS", $"iGate answered an unknown status '{result.Status}'."));
    }
}
