using System.Text.Json.Nodes;
using IntegrationHub.Connectors.IGate.Api;

namespace IntegrationHub.Connectors.IGate.Sandbox.Writes;

/// <summary>Applies batch items once per idempotency key and counts what happened, as the procedure catalogue does.
/// A batch is applied under one lock, so two concurrent calls carrying the same key cannot both apply it. Subclasses
/// say what an item is and what applying it does.</summary>
internal abstract class IdempotentBatchBook
{
    private readonly HashSet<string> _appliedKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _writeCounts = new(StringComparer.Ordinal);
    private int _batchRequests;
    private int _itemsReceived;
    private int _duplicates;
    private int _rejected;

    /// <summary>Guards the book's state, the subclass's included.</summary>
    protected Lock Sync { get; } = new();

    public IReadOnlyList<IGateItemResult> Apply(IReadOnlyList<IGateIncomingItem> items)
    {
        lock (Sync)
        {
            _batchRequests++;
            _itemsReceived += items.Count;
            return [.. items.Select(ApplyOne)];
        }
    }

    public IGateWriteStats Stats()
    {
        lock (Sync)
        {
            return new IGateWriteStats(
                _batchRequests,
                _itemsReceived,
                _writeCounts.Values.Sum(),
                _duplicates,
                _rejected,
                _writeCounts.Count == 0 ? 0 : _writeCounts.Values.Max(),
                [.. _writeCounts.Where(c => c.Value > 1).Select(c => c.Key).Order(StringComparer.Ordinal)]);
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

    private IGateItemResult ApplyOne(IGateIncomingItem item)
    {
        var code = CodeOf(item.Body);
        if (item.IdempotencyKey is not { } key)
        {
            return Reject(null, code, IGateWriteCodes.InvalidRequest, "Thiếu khóa chống trùng lặp (idempotencyKey).");
        }

        if (_appliedKeys.Contains(key))
        {
            _duplicates++;
            return new IGateItemResult(key, code, IGateItemStatus.Duplicate, Reference: ReferenceOf(item.Body));
        }

        if (item.Body is not { } body)
        {
            return Reject(key, code, IGateWriteCodes.InvalidRequest, MissingBodyMessage);
        }

        var write = Write(body);
        if (write.ErrorCode is { } errorCode)
        {
            // A rejected key is not remembered: once the cause is gone (say, the dossier now exists), the same
            // message under the same key is applied.
            return Reject(key, code, errorCode, write.ErrorMessage ?? "Bị từ chối.");
        }

        _appliedKeys.Add(key);
        _writeCounts[write.CountedAs!] = _writeCounts.GetValueOrDefault(write.CountedAs!) + 1;
        return new IGateItemResult(key, code, write.Status, Reference: ReferenceOf(body));
    }

    private IGateItemResult Reject(string? key, string? code, string errorCode, string message)
    {
        _rejected++;
        return new IGateItemResult(key, code, IGateItemStatus.Rejected, errorCode, message);
    }
}
