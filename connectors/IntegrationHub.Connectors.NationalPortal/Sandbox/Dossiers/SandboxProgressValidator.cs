using System.Text.Json;
using IntegrationHub.Connectors.NationalPortal.Mapping;
using IntegrationHub.Connectors.NationalPortal.Protocol;
using static IntegrationHub.Connectors.NationalPortal.Sandbox.Dossiers.SandboxItemReader;

namespace IntegrationHub.Connectors.NationalPortal.Sandbox.Dossiers;

/// <summary>The portal's checks of a CapNhatTienDoHoSoMC item, before it touches stored state.</summary>
internal static class SandboxProgressValidator
{
    private static readonly string[] Required = ["MaHoSo", "STT", "NguoiXuLy", "ThoiDiemXuLy", "TrangThai"];

    private static readonly string[] Dates = ["ThoiDiemXuLy", "NgayBatDau", "NgayKetThucTheoQuyDinh"];

    public static ItemVerdict Validate(JsonElement item, out SandboxProgressItem? step)
    {
        step = null;
        if (item.ValueKind != JsonValueKind.Object)
        {
            return new(NationalPortalProtocol.InvalidRequest, "Mỗi phần tử của data phải là một bước xử lý (đối tượng JSON)");
        }

        var missing = Required.Where(name => Text(item, name) is null).ToList();
        if (missing.Count > 0)
        {
            return new(NationalPortalProtocol.MissingField, $"Thiếu thông tin bắt buộc: {string.Join(", ", missing)}");
        }

        var number = Int(Text(item, "STT"), 1, int.MaxValue);
        var status = Int(Text(item, "TrangThai"), StatusMapper.MinCode, StatusMapper.MaxCode);
        var invalid = new List<string>();
        if (number is null)
        {
            invalid.Add($"STT '{Text(item, "STT")}' phải là số nguyên dương");
        }

        if (status is null)
        {
            invalid.Add($"TrangThai '{Text(item, "TrangThai")}' không thuộc danh mục trạng thái (0..10)");
        }

        invalid.AddRange(Dates
            .Select(name => (Name: name, Value: Text(item, name)))
            .Where(date => date.Value is not null && !DvcqgDateFormat.IsDvcqgDate(date.Value))
            .Select(date => $"{date.Name} '{date.Value}' không phải ngày giờ dạng yyyyMMddHHmmss"));
        if (invalid.Count > 0)
        {
            return new(NationalPortalProtocol.InvalidField, $"Sai định dạng: {string.Join("; ", invalid)}");
        }

        step = new SandboxProgressItem(
            Text(item, "MaHoSo")!, number!.Value, status!.Value, Text(item, "ThoiDiemXuLy")!, Text(item, NationalPortalProtocol.IdempotencyKeyField));
        return ItemVerdict.Ok("Cập nhật tiến độ thành công");
    }
}
