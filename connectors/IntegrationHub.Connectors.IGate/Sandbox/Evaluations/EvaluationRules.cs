using System.Text.Json.Nodes;
using IntegrationHub.Connectors.IGate.Sandbox.Writes;

namespace IntegrationHub.Connectors.IGate.Sandbox.Evaluations;

/// <summary>What iGate checks in an evaluation before it records it (the real rules are not public): the dossier,
/// a score of 1 to 5, a valid time and a comment of reasonable length (optional).</summary>
internal static class EvaluationRules
{
    public const int MinScore = 1;
    public const int MaxScore = 5;
    public const int MaxCommentLength = 2000;

    /// <returns>The evaluation, or null with the Vietnamese reason (error code IGATE-422).</returns>
    public static IGateRecordedEvaluation? Read(JsonObject body, DateTimeOffset recordedAt, out string? problem)
    {
        var maHoSo = IGateBatchRequestReader.StringOf(body["maHoSo"]);
        var diem = IGateBatchRequestReader.IntegerOf(body["diemDanhGia"]);
        var noiDung = IGateBatchRequestReader.StringOf(body["noiDungDanhGia"]);
        var thoiGian = NationalTime.Parse(IGateBatchRequestReader.StringOf(body["thoiGianDanhGia"]));
        problem = maHoSo is null ? "Thiếu mã hồ sơ (maHoSo)."
            : diem is not (>= MinScore and <= MaxScore) ? $"Điểm đánh giá (diemDanhGia) phải là số nguyên từ {MinScore} đến {MaxScore}."
            : noiDung?.Length > MaxCommentLength ? $"Nội dung đánh giá (noiDungDanhGia) dài quá {MaxCommentLength} ký tự."
            : thoiGian is null ? $"Thời gian đánh giá (thoiGianDanhGia) thiếu hoặc không đúng định dạng {NationalTime.Format}."
            : null;
        return problem is null ? new IGateRecordedEvaluation(maHoSo!, (int)diem!.Value, noiDung, thoiGian!.Value, recordedAt) : null;
    }
}
