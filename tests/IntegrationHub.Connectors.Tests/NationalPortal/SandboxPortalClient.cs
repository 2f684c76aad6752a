using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace IntegrationHub.Connectors.Tests.NationalPortal;

/// <summary>Talks to the sandbox portal the way any client would, to test its rules without the connector in between.</summary>
internal sealed class SandboxPortalClient(NationalPortalTestBed bed)
{
    /// <summary>Names exactly as written here: the portal's PascalCase field names must not be camel-cased.</summary>
    private static readonly JsonSerializerOptions Wire = new();

    private string? _session;

    public async Task<JsonElement> CallAsync(string service, bool isUpdating, params object[] data)
    {
        _session ??= await LoginAsync();
        using var response = await bed.Http.PostAsJsonAsync(
            new Uri(bed.BaseAddress, "api/integration"),
            new { session = _session, madonvi = "000.00.00.H56", service, isUpdating, data },
            Wire);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A dossier item in the portal's shape, valid unless changed.</summary>
    public static Dictionary<string, object?> Dossier(string maHoSo, int trangThai = 2, string? key = null) => new()
    {
        ["MaHoSo"] = maHoSo,
        ["MaTTHC"] = IGatePayloads.ProcedureCode,
        ["TenTTHC"] = "Cấp giấy phép xây dựng",
        ["ChuHoSo"] = "Lê Văn Cường",
        ["LoaiDoiTuong"] = "1",
        ["TrangThaiHoSo"] = trangThai.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["NgayNopHoSo"] = "20250301081500",
        ["NgayTiepNhan"] = "20250301090000",
        ["NgayHenTra"] = "20250315170000",
        ["NgayTra"] = trangThai == 10 ? "20250314103000" : null,
        ["DonViXuLy"] = "000.00.12.H56",
        ["KenhThucHien"] = "2",
        ["DinhDanhCHS"] = new[] { new { LoaiDinhDanh = "1", SoDinhDanh = "001185012345" } },
        ["IdempotencyKey"] = key,
    };

    public static Dictionary<string, object?> Step(string maHoSo, int stt, int trangThai = 4, string? key = null) => new()
    {
        ["MaHoSo"] = maHoSo,
        ["STT"] = stt,
        ["NguoiXuLy"] = "Phạm Thị Dung",
        ["ThoiDiemXuLy"] = "20250302143000",
        ["NoiDungXuLy"] = "Thẩm định hồ sơ",
        ["TrangThai"] = trangThai.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["IdempotencyKey"] = key,
    };

    public static string Code(JsonElement reply) => reply.GetProperty("error_code").GetString()!;

    public static string[] ItemCodes(JsonElement reply) =>
        [.. reply.GetProperty("result").EnumerateArray().Select(item => item.GetProperty("error_code").GetString()!)];

    private async Task<string> LoginAsync()
    {
        using var response = await bed.Http.PostAsJsonAsync(
            new Uri(bed.BaseAddress, "api/auth/login"), new { username = "sandbox", password = NationalPortalTestBed.Password });
        var reply = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, reply.GetProperty("error_code").GetInt32());
        return reply.GetProperty("session").GetString()!;
    }
}
