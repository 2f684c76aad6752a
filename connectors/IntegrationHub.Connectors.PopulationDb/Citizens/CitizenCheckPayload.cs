using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IntegrationHub.Connectors.PopulationDb.Citizens;

/// <summary>The citizen check written back to iGate (<c>igate:citizen-checks</c>): {MaHoSo, KetQua, TruongSaiLech
/// [{Truong, KhaiBao, CoSoDuLieu}], ThuongTru, NoiOHienTai, ThoiDiemXacMinh}. The personal id is not in it: iGate
/// knows the dossier's.</summary>
public static class CitizenCheckPayload
{
    public const string Match = "KHOP";
    public const string Mismatch = "KHONG_KHOP";
    public const string NotFound = "KHONG_TIM_THAY";

    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public static string Build(string maHoSo, CitizenVerification verification, DateTimeOffset verifiedAt)
    {
        var payload = new JsonObject
        {
            ["MaHoSo"] = maHoSo,
            ["KetQua"] = verification.Kind switch
            {
                CitizenVerificationKind.Match => Match,
                CitizenVerificationKind.Mismatch => Mismatch,
                _ => NotFound,
            },
            ["TruongSaiLech"] = new JsonArray([.. verification.Differences.Select(d => (JsonNode)new JsonObject
            {
                ["Truong"] = d.Field,
                ["KhaiBao"] = d.Declared,
                ["CoSoDuLieu"] = d.Recorded,
            })]),
            ["ThuongTru"] = Address(verification.Record?.ThuongTru),
            ["NoiOHienTai"] = Address(verification.Record?.NoiOHienTai),
            ["ThoiDiemXacMinh"] = verifiedAt.ToOffset(VietnamOffset).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture),
        };
        return payload.ToJsonString(JsonSerializerOptions.Default);
    }

    /// <summary>The audit's outcome name of a verification.</summary>
    public static string Outcome(CitizenVerificationKind kind) => kind switch
    {
        CitizenVerificationKind.Match => "match",
        CitizenVerificationKind.Mismatch => "mismatch",
        _ => "not_found",
    };

    private static JsonObject? Address(CitizenAddress? address) => address is null ? null : new JsonObject
    {
        ["MaTinhThanh"] = address.MaTinhThanh,
        ["MaQuanHuyen"] = address.MaQuanHuyen,
        ["MaPhuongXa"] = address.MaPhuongXa,
    };
}
