using System.Text.Json.Nodes;
using IntegrationHub.Connectors.IGate.Sandbox.Writes;

namespace IntegrationHub.Connectors.IGate.Sandbox.CitizenChecks;

/// <summary>What iGate checks in a verification result before it records it (the real rules are not public): a known
/// result code, differing fields exactly when the result is a mismatch (HoVaTen or NgaySinh), and a valid time.</summary>
internal static class CitizenCheckRules
{
    public const string Khop = "KHOP";
    public const string KhongKhop = "KHONG_KHOP";
    public const string KhongTimThay = "KHONG_TIM_THAY";

    private static readonly string[] KnownFields = ["HoVaTen", "NgaySinh"];

    /// <returns>The check, or null with the Vietnamese reason (error code IGATE-422).</returns>
    public static IGateRecordedCitizenCheck? Read(JsonObject body, DateTimeOffset recordedAt, out string? problem)
    {
        var maHoSo = IGateBatchRequestReader.StringOf(body["maHoSo"]);
        var ketQua = IGateBatchRequestReader.StringOf(body["ketQua"]);
        var thoiDiem = NationalTime.Parse(IGateBatchRequestReader.StringOf(body["thoiDiemXacMinh"]));
        var fields = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        string? fieldProblem = null;
        foreach (var field in (body["truongSaiLech"] as JsonArray ?? []).Select(f => f as JsonObject))
        {
            var name = IGateBatchRequestReader.StringOf(field?["truong"]);
            if (name is null || !KnownFields.Contains(name) || !fields.TryAdd(name, (IGateBatchRequestReader.StringOf(field?["khaiBao"]) ?? "", IGateBatchRequestReader.StringOf(field?["coSoDuLieu"]) ?? "")))
            {
                fieldProblem = $"Trường sai lệch (truongSaiLech) phải là {string.Join(" hoặc ", KnownFields)}, mỗi trường một lần.";
            }
        }

        problem = maHoSo is null ? "Thiếu mã hồ sơ (maHoSo)."
            : ketQua is not (Khop or KhongKhop or KhongTimThay) ? $"Kết quả xác minh (ketQua) phải là {Khop}, {KhongKhop} hoặc {KhongTimThay}."
            : fieldProblem is not null ? fieldProblem
            : (ketQua == KhongKhop) != (fields.Count > 0) ? "Chỉ kết quả KHONG_KHOP có trường sai lệch (truongSaiLech), và phải có ít nhất một."
            : thoiDiem is null ? $"Thời điểm xác minh (thoiDiemXacMinh) thiếu hoặc không đúng định dạng {NationalTime.Format}."
            : null;
        return problem is null
            ? new IGateRecordedCitizenCheck(maHoSo!, ketQua!, fields, Codes(body["thuongTru"]), Codes(body["noiOHienTai"]), thoiDiem!.Value, recordedAt)
            : null;
    }

    private static string? Codes(JsonNode? address) => address is JsonObject a
        ? $"{IGateBatchRequestReader.StringOf(a["maTinhThanh"])}/{IGateBatchRequestReader.StringOf(a["maQuanHuyen"])}/{IGateBatchRequestReader.StringOf(a["maPhuongXa"])}"
        : null;
}
