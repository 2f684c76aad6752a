using System.Text.Json;
using System.Text.RegularExpressions;
using IntegrationHub.Connectors.NationalPortal.Mapping;
using IntegrationHub.Connectors.NationalPortal.Protocol;
using static IntegrationHub.Connectors.NationalPortal.Sandbox.Dossiers.SandboxItemReader;

namespace IntegrationHub.Connectors.NationalPortal.Sandbox.Dossiers;

/// <summary>The portal's checks of a DongBoHoSoMC item, before it touches stored state. Missing fields are reported
/// together (<see cref="NationalPortalProtocol.MissingField"/>), then malformed ones together
/// (<see cref="NationalPortalProtocol.InvalidField"/>). Chosen where no rule is public: receipt and due dates are
/// required once a dossier is received (any status but 1), the return date once it is done (10).</summary>
internal static partial class SandboxDossierValidator
{
    private const int Receiving = 1;
    private const int Done = 10;

    private static readonly string[] Required =
        ["MaHoSo", "MaTTHC", "TenTTHC", "ChuHoSo", "LoaiDoiTuong", "TrangThaiHoSo", "NgayNopHoSo", "DonViXuLy", "KenhThucHien"];

    private static readonly string[] Dates = ["NgayNopHoSo", "NgayTiepNhan", "NgayHenTra", "NgayTra"];

    public static ItemVerdict Validate(JsonElement item, out SandboxDossierItem? dossier)
    {
        dossier = null;
        if (item.ValueKind != JsonValueKind.Object)
        {
            return new(NationalPortalProtocol.InvalidRequest, "Mỗi phần tử của data phải là một hồ sơ (đối tượng JSON)");
        }

        var status = Int(Text(item, "TrangThaiHoSo"), StatusMapper.MinCode, StatusMapper.MaxCode);
        var missing = Required.Where(name => Text(item, name) is null).ToList();
        if (status is not null and not Receiving)
        {
            missing.AddRange(new[] { "NgayTiepNhan", "NgayHenTra" }.Where(name => Text(item, name) is null));
        }

        if (status == Done && Text(item, "NgayTra") is null)
        {
            missing.Add("NgayTra");
        }

        if (missing.Count > 0)
        {
            return new(NationalPortalProtocol.MissingField, $"Thiếu thông tin bắt buộc: {string.Join(", ", missing)}");
        }

        var invalid = Problems(item, status).ToList();
        if (invalid.Count > 0)
        {
            return new(NationalPortalProtocol.InvalidField, $"Sai định dạng: {string.Join("; ", invalid)}");
        }

        dossier = new SandboxDossierItem(
            Text(item, "MaHoSo")!,
            Text(item, "MaTTHC")!,
            Text(item, "ChuHoSo"),
            status!.Value,
            Text(item, "NgayNopHoSo"),
            Text(item, "NgayTiepNhan"),
            Text(item, "NgayHenTra"),
            Text(item, "NgayTra"),
            Text(item, NationalPortalProtocol.IdempotencyKeyField));
        return ItemVerdict.Ok("Đồng bộ hồ sơ thành công");
    }

    private static IEnumerable<string> Problems(JsonElement item, int? status)
    {
        var procedure = Text(item, "MaTTHC")!;
        if (!ProcedureCode().IsMatch(procedure))
        {
            yield return $"MaTTHC '{procedure}' không đúng định dạng mã thủ tục (ví dụ 1.003560.000.00.00.H56)";
        }

        if (status is null)
        {
            yield return $"TrangThaiHoSo '{Text(item, "TrangThaiHoSo")}' không thuộc danh mục trạng thái (0..10)";
        }

        if (Int(Text(item, "LoaiDoiTuong"), 1, 4) is null)
        {
            yield return $"LoaiDoiTuong '{Text(item, "LoaiDoiTuong")}' không thuộc danh mục đối tượng (1..4)";
        }

        if (Int(Text(item, "KenhThucHien"), 1, 3) is null)
        {
            yield return $"KenhThucHien '{Text(item, "KenhThucHien")}' không thuộc danh mục kênh thực hiện (1..3)";
        }

        foreach (var name in Dates)
        {
            if (Text(item, name) is { } date && !DvcqgDateFormat.IsDvcqgDate(date))
            {
                yield return $"{name} '{date}' không phải ngày giờ dạng yyyyMMddHHmmss";
            }
        }

        foreach (var problem in IdentityProblems(item))
        {
            yield return problem;
        }
    }

    private static IEnumerable<string> IdentityProblems(JsonElement item)
    {
        if (!item.TryGetProperty("DinhDanhCHS", out var identities) || identities.ValueKind == JsonValueKind.Null)
        {
            yield break;
        }

        if (identities.ValueKind != JsonValueKind.Array)
        {
            yield return "DinhDanhCHS phải là một danh sách";
            yield break;
        }

        foreach (var identity in identities.EnumerateArray())
        {
            var number = identity.ValueKind == JsonValueKind.Object ? Text(identity, "SoDinhDanh") : null;
            if (number is null || !PersonalId().IsMatch(number))
            {
                yield return $"SoDinhDanh '{number}' phải gồm đúng 12 chữ số";
            }
        }
    }

    [GeneratedRegex(@"^\d\.\d{6}\.000\.00\.00\.H\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex ProcedureCode();

    [GeneratedRegex(@"^\d{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex PersonalId();
}
