using System.Text.Json.Nodes;
using IntegrationHub.Connectors.IGate.Api;
using IntegrationHub.Connectors.Sandboxing;

namespace IntegrationHub.Connectors.IGate.Sandbox.Writes;

/// <summary>Applies one stream's batch items once per idempotency key (the sandbox's <see cref="SandboxIdempotencyBook"/>
/// remembers the keys and counts what the stream received) and counts applied writes per business key. A batch is
/// applied under one lock, so two concurrent calls carrying the same key cannot both apply it. Subclasses say what an
/// item is and what applying it does.</summary>
internal abstract class IdempotentBatchBook(SandboxIdempotencyBook writes, string stream)
{
    private readonly Dictionary<string, int> _writeCounts = new(StringComparer.Ordinal);
    private int _batchRequests;

    /// <summary>Guards the book's state, the subclass's included.</summary>
    protected Lock Sync { get; } = new();

    public IReadOnlyList<IGateItemResult> Apply(IReadOnlyList<IGateIncomingItem> items)
    {
        lock (Sync)
        {
            _batchRequests++;
            return [.. items.Select(ApplyOne)];
        }
    }

    public IGateWriteStats Stats()
    {
        lock (Sync)
        {
            return StatsLocked();
        }
    }

    /// <summary>Applied writes per business key.</summary>
    public IReadOnlyDictionary<string, int> WriteCounts()
    {
        lock (Sync)
        {
            return new Dictionary<string, int>(_writeCounts, StringComparer.Ordinal);
        }
    }

    /// <summary>What the item's result names it by (echoed as "code"); null when the body has none.</summary>
    protected abstract string? CodeOf(JsonObject? body);

    /// <summary>iGate's number for the item's record once applied (a payment's receipt), answered again for a
    /// duplicate; null when iGate numbers nothing.</summary>
    protected virtual string? ReferenceOf(JsonObject? body) => null;

    /// <summary>The Vietnamese message for an item without its object.</summary>
    protected abstract string MissingBodyMessage { get; }

    /// <summary>Validates and applies one item; called under <see cref="Sync"/>.</summary>
    protected abstract ItemWrite Write(JsonObject body);

    /// <summary>Called under <see cref="Sync"/>.</summary>
    protected IGateWriteStats StatsLocked()
    {
        var counts = writes.Stats(stream);
        return new IGateWriteStats(
            _batchRequests,
            counts.Received,
            counts.Applied,
            counts.Repeated,
            counts.Refused,
            _writeCounts.Count == 0 ? 0 : _writeCounts.Values.Max(),
            [.. _writeCounts.Where(c => c.Value > 1).Select(c => c.Key).Order(StringComparer.Ordinal)]);
    }

    private IGateItemResult ApplyOne(IGateIncomingItem item)
    {
        var code = CodeOf(item.Body);
        IGateItemResult? result = null;
        writes.Write(stream, item.IdempotencyKey, () =>
        {
            result = Decide(item, code);
            return result.Status == IGateItemStatus.Rejected ? SandboxWriteOutcome.Refused : SandboxWriteOutcome.Applied;
        });

        // Not decided: the key was applied before.
        return result ?? new IGateItemResult(item.IdempotencyKey, code, IGateItemStatus.Duplicate, Reference: ReferenceOf(item.Body));
    }

    private IGateItemResult Decide(IGateIncomingItem item, string? code)
    {
        if (item.IdempotencyKey is not { } key)
        {
            return Rejected(null, code, IGateWriteCodes.InvalidRequest, "Thiếu khóa chống trùng lặp (idempotencyKey).");
        }

        if (item.Body is not { } body)
        {
            return Rejected(key, code, IGateWriteCodes.InvalidRequest, MissingBodyMessage);
        }

        // A rejected key is not remembered: once the cause is gone (the dossier now exists, the rule is fixed), the same
        // message under the same key is applied.
        var write = Write(body);
        if (write.ErrorCode is { } errorCode)
        {
            return Rejected(key, code, errorCode, write.ErrorMessage ?? "Bị từ chối.");
        }

        _writeCounts[write.CountedAs!] = _writeCounts.GetValueOrDefault(write.CountedAs!) + 1;
        return new IGateItemResult(key, code, write.Status, Reference: ReferenceOf(body));
    }

    private static IGateItemResult Rejected(string? key, string? code, string errorCode, string message) =>
        new(key, code, IGateItemStatus.Rejected, errorCode, message);
}
