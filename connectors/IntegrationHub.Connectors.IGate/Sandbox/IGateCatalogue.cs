using System.Text.Json.Nodes;
using IntegrationHub.Connectors.IGate.Api;
using IntegrationHub.Connectors.IGate.Sandbox.Writes;
using IntegrationHub.Connectors.Sandboxing;

namespace IntegrationHub.Connectors.IGate.Sandbox;

/// <summary>iGate's local procedure catalogue: procedures by code, upserted once per idempotency key, refused when
/// invalid or when their code is among the reject codes (to produce a dead letter); writes counted per code.</summary>
internal sealed class IGateCatalogue(SandboxIdempotencyBook writes, IEnumerable<string> rejectCodes)
    : IdempotentBatchBook(writes, IGateConnector.ProceduresStream)
{
    private readonly Dictionary<string, JsonObject> _procedures = new(StringComparer.Ordinal);
    private HashSet<string> _rejectCodes = new(rejectCodes, StringComparer.Ordinal);

    protected override string MissingBodyMessage => "Thiếu nội dung thủ tục hành chính (procedure).";

    public void SetRejectCodes(IEnumerable<string> codes)
    {
        var replacement = new HashSet<string>(codes, StringComparer.Ordinal);
        lock (Sync)
        {
            _rejectCodes = replacement;
        }
    }

    public int ProcedureCount()
    {
        lock (Sync)
        {
            return _procedures.Count;
        }
    }

    public IGateSandboxStats CatalogueStats()
    {
        lock (Sync)
        {
            var writes = StatsLocked();
            return new IGateSandboxStats(
                writes.BatchRequests,
                writes.ItemsReceived,
                writes.TotalAppliedWrites,
                _procedures.Count,
                writes.DuplicatesIgnored,
                writes.Rejected,
                writes.MaxWritesPerKey,
                writes.KeysWrittenMoreThanOnce);
        }
    }

    /// <returns>A copy, so callers cannot change the sandbox's state or race with it.</returns>
    public JsonObject? Find(string code)
    {
        lock (Sync)
        {
            return _procedures.TryGetValue(code, out var procedure) ? procedure.DeepClone().AsObject() : null;
        }
    }

    protected override string? CodeOf(JsonObject? body) => IGateBatchRequestReader.StringOf(body?["code"]);

    protected override ItemWrite Write(JsonObject procedure)
    {
        if (IGateProcedureRules.Validate(procedure) is { } invalid)
        {
            return ItemWrite.Rejected(invalid.ErrorCode, invalid.Message);
        }

        // Validate guarantees a code from here on.
        var code = CodeOf(procedure)!;
        if (_rejectCodes.Contains(code))
        {
            var (errorCode, message) = IGateProcedureRules.Rejected(code);
            return ItemWrite.Rejected(errorCode, message);
        }

        var status = !_procedures.TryGetValue(code, out var existing) ? IGateItemStatus.Created
            : JsonNode.DeepEquals(existing, procedure) ? IGateItemStatus.Unchanged
            : IGateItemStatus.Updated;
        _procedures[code] = procedure.DeepClone().AsObject();
        return ItemWrite.Applied(status, code);
    }
}
