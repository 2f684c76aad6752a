using System.Text.Json.Nodes;
using IntegrationHub.Connectors.IGate.Sandbox.Dossiers;
using IntegrationHub.Connectors.Sandboxing;

namespace IntegrationHub.Connectors.IGate.Sandbox.Writes;

/// <summary>A book of items recorded against a dossier (payments, evaluations, citizen checks): each item is read by
/// its rules (invalid: IGATE-422), must name a known dossier (else IGATE-404), then the subclass applies it.</summary>
internal abstract class DossierItemBook<TRecord>(SandboxIdempotencyBook writes, string stream, DossierStore dossiers, TimeProvider clock)
    : IdempotentBatchBook(writes, stream)
    where TRecord : class
{
    /// <returns>The item, or null with the Vietnamese reason.</returns>
    protected abstract TRecord? Read(JsonObject body, DateTimeOffset recordedAt, out string? problem);

    protected abstract string DossierOf(TRecord record);

    /// <summary>Records a valid item of a known dossier; called under <see cref="IdempotentBatchBook.Sync"/>.</summary>
    protected abstract ItemWrite Apply(TRecord record);

    protected sealed override ItemWrite Write(JsonObject body)
    {
        if (Read(body, clock.GetUtcNow().ToOffset(WorkingCalendar.Offset), out var problem) is not { } record)
        {
            return ItemWrite.Rejected(IGateWriteCodes.InvalidField, problem!);
        }

        // Dossiers are never removed, so a dossier found here still exists when the item is recorded.
        var maHoSo = DossierOf(record);
        return dossiers.Find(maHoSo) is null
            ? ItemWrite.Rejected(IGateWriteCodes.UnknownDossier, $"Không tìm thấy hồ sơ '{maHoSo}'.")
            : Apply(record);
    }
}
