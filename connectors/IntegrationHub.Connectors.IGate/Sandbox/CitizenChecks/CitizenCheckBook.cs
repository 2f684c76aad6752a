using System.Text.Json.Nodes;
using IntegrationHub.Connectors.IGate.Api;
using IntegrationHub.Connectors.IGate.Sandbox.Dossiers;
using IntegrationHub.Connectors.IGate.Sandbox.Writes;
using IntegrationHub.Connectors.Sandboxing;

namespace IntegrationHub.Connectors.IGate.Sandbox.CitizenChecks;

/// <summary>The latest applicant verification per dossier: a later check replaces it, an earlier one (arriving late) is
/// ignored as unchanged. Writes are counted per MaHoSo.</summary>
internal sealed class CitizenCheckBook(SandboxIdempotencyBook writes, DossierStore dossiers, TimeProvider clock)
    : DossierItemBook<IGateRecordedCitizenCheck>(writes, IGateConnector.CitizenChecksStream, dossiers, clock)
{
    private readonly Dictionary<string, IGateRecordedCitizenCheck> _byDossier = new(StringComparer.Ordinal);

    protected override string MissingBodyMessage => "Thiếu kết quả xác minh (citizenCheck).";

    public IGateRecordedCitizenCheck? Of(string maHoSo)
    {
        lock (Sync)
        {
            return _byDossier.GetValueOrDefault(maHoSo);
        }
    }

    protected override string? CodeOf(JsonObject? body) => IGateBatchRequestReader.StringOf(body?["maHoSo"]);

    protected override IGateRecordedCitizenCheck? Read(JsonObject body, DateTimeOffset recordedAt, out string? problem) =>
        CitizenCheckRules.Read(body, recordedAt, out problem);

    protected override string DossierOf(IGateRecordedCitizenCheck record) => record.MaHoSo;

    protected override ItemWrite Apply(IGateRecordedCitizenCheck check)
    {
        if (!_byDossier.TryGetValue(check.MaHoSo, out var current))
        {
            _byDossier.Add(check.MaHoSo, check);
            return ItemWrite.Applied(IGateItemStatus.Created, check.MaHoSo);
        }

        if (check.ThoiDiemXacMinh <= current.ThoiDiemXacMinh)
        {
            return ItemWrite.Applied(IGateItemStatus.Unchanged, check.MaHoSo);
        }

        _byDossier[check.MaHoSo] = check;
        return ItemWrite.Applied(IGateItemStatus.Updated, check.MaHoSo);
    }
}
