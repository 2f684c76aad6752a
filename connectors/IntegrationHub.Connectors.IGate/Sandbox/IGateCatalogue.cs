using System.Text.Json.Nodes;
using IntegrationHub.Connectors.IGate.Api;

namespace IntegrationHub.Connectors.IGate.Sandbox;

/// <summary>The sandbox's state: procedures by code, the idempotency keys applied, and counts of what happened.
/// A batch is applied under one lock, so two concurrent calls carrying the same key cannot both apply it.</summary>
internal sealed class IGateCatalogue(IEnumerable<string> rejectCodes)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, JsonObject> _procedures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _writeCounts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _appliedKeys = new(StringComparer.Ordinal);
    private HashSet<string> _rejectCodes = new(rejectCodes, StringComparer.Ordinal);
    private int _batchRequests;
    private int _itemsReceived;
    private int _duplicates;
    private int _rejected;

    public IReadOnlyList<IGateItemResult> Apply(IReadOnlyList<IGateIncomingItem> items)
    {
        lock (_lock)
        {
            _batchRequests++;
            _itemsReceived += items.Count;
            return [.. items.Select(ApplyOne)];
        }
    }

    public void SetRejectCodes(IEnumerable<string> codes)
    {
        var replacement = new HashSet<string>(codes, StringComparer.Ordinal);
        lock (_lock)
        {
            _rejectCodes = replacement;
        }
    }

    public IGateSandboxStats Stats()
    {
        lock (_lock)
        {
            return new IGateSandboxStats(
                _batchRequests,
                _itemsReceived,
                _writeCounts.Values.Sum(),
                _procedures.Count,
                _duplicates,
                _rejected,
                _writeCounts.Count == 0 ? 0 : _writeCounts.Values.Max(),
                [.. _writeCounts.Where(c => c.Value > 1).Select(c => c.Key).Order(StringComparer.Ordinal)]);
        }
    }

    public IReadOnlyDictionary<string, int> WriteCounts()
    {
        lock (_lock)
        {
            return new Dictionary<string, int>(_writeCounts, StringComparer.Ordinal);
        }
    }

    /// <returns>A copy, so callers cannot change the sandbox's state or race with it.</returns>
    public JsonObject? Find(string code)
    {
        lock (_lock)
        {
            return _procedures.TryGetValue(code, out var procedure) ? procedure.DeepClone().AsObject() : null;
        }
    }

    // Called under _lock.
    private IGateItemResult ApplyOne(IGateIncomingItem item)
    {
        var code = IGateBatchRequestReader.StringOf(item.Body?["code"]);
        if (item.IdempotencyKey is not { } key)
        {
            return Reject(null, code, IGateProcedureRules.InvalidCode, "Thiếu khóa chống trùng lặp (idempotencyKey).");
        }

        if (_appliedKeys.Contains(key))
        {
            _duplicates++;
            return new IGateItemResult(key, code, IGateItemStatus.Duplicate);
        }

        if (item.Body is not { } procedure)
        {
            return Reject(key, code, IGateProcedureRules.InvalidCode, "Thiếu nội dung thủ tục hành chính (procedure).");
        }

        if (IGateProcedureRules.Validate(procedure) is { } invalid)
        {
            return Reject(key, code, invalid.ErrorCode, invalid.Message);
        }

        // Validate guarantees a code from here on. A rejected key is not remembered: once the rule is fixed,
        // the same message under the same key is applied.
        if (_rejectCodes.Contains(code!))
        {
            var (errorCode, message) = IGateProcedureRules.Rejected(code!);
            return Reject(key, code, errorCode, message);
        }

        return Upsert(key, code!, procedure);
    }

    private IGateItemResult Upsert(string key, string code, JsonObject procedure)
    {
        var status = !_procedures.TryGetValue(code, out var existing) ? IGateItemStatus.Created
            : JsonNode.DeepEquals(existing, procedure) ? IGateItemStatus.Unchanged
            : IGateItemStatus.Updated;
        _procedures[code] = procedure.DeepClone().AsObject();
        _writeCounts[code] = _writeCounts.GetValueOrDefault(code) + 1;
        _appliedKeys.Add(key);
        return new IGateItemResult(key, code, status);
    }

    private IGateItemResult Reject(string? key, string? code, string errorCode, string message)
    {
        _rejected++;
        return new IGateItemResult(key, code, IGateItemStatus.Rejected, errorCode, message);
    }
}
