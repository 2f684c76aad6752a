using System.Text.Json.Nodes;
using IntegrationHub.Connectors.IGate.Api;
using IntegrationHub.Connectors.IGate.Sandbox.Dossiers;
using IntegrationHub.Connectors.IGate.Sandbox.Writes;
using IntegrationHub.Connectors.Sandboxing;

namespace IntegrationHub.Connectors.IGate.Sandbox.Evaluations;

/// <summary>Citizens' evaluations by dossier, one per evaluation time: the portal may send a corrected evaluation
/// with the same time (it replaces the earlier one) or a later one (kept beside it). Writes are counted per MaHoSo.</summary>
internal sealed class EvaluationBook(SandboxIdempotencyBook writes, DossierStore dossiers, TimeProvider clock)
    : DossierItemBook<IGateRecordedEvaluation>(writes, IGateConnector.EvaluationsStream, dossiers, clock)
{
    private readonly Dictionary<string, List<IGateRecordedEvaluation>> _byDossier = new(StringComparer.Ordinal);

    protected override string MissingBodyMessage => "Thiếu nội dung đánh giá (evaluation).";

    public IReadOnlyList<IGateRecordedEvaluation> Of(string maHoSo)
    {
        lock (Sync)
        {
            return _byDossier.TryGetValue(maHoSo, out var evaluations) ? [.. evaluations] : [];
        }
    }

    protected override string? CodeOf(JsonObject? body) => IGateBatchRequestReader.StringOf(body?["maHoSo"]);

    protected override IGateRecordedEvaluation? Read(JsonObject body, DateTimeOffset recordedAt, out string? problem) =>
        EvaluationRules.Read(body, recordedAt, out problem);

    protected override string DossierOf(IGateRecordedEvaluation record) => record.MaHoSo;

    protected override ItemWrite Apply(IGateRecordedEvaluation evaluation)
    {
        if (!_byDossier.TryGetValue(evaluation.MaHoSo, out var evaluations))
        {
            _byDossier.Add(evaluation.MaHoSo, evaluations = []);
        }

        var index = evaluations.FindIndex(e => e.ThoiGianDanhGia == evaluation.ThoiGianDanhGia);
        if (index < 0)
        {
            evaluations.Add(evaluation);
            return ItemWrite.Applied(IGateItemStatus.Created, evaluation.MaHoSo);
        }

        if (evaluations[index] with { RecordedAt = evaluation.RecordedAt } == evaluation)
        {
            return ItemWrite.Applied(IGateItemStatus.Unchanged, evaluation.MaHoSo);
        }

        evaluations[index] = evaluation;
        return ItemWrite.Applied(IGateItemStatus.Updated, evaluation.MaHoSo);
    }
}
