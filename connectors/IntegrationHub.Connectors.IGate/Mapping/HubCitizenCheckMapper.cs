using System.Text.Json;

namespace IntegrationHub.Connectors.IGate.Mapping;

/// <summary>Maps the hub's citizen-check payload ({MaHoSo, KetQua, TruongSaiLech[{Truong, KhaiBao, CoSoDuLieu}],
/// ThuongTru, NoiOHienTai, ThoiDiemXacMinh}) to iGate's record. Names are matched ignoring case.</summary>
internal static class HubCitizenCheckMapper
{
    public static IGateCitizenCheck? TryMap(string payload, out string? problem)
    {
        using var document = HubPayloadReader.TryOpenObject(payload, "a citizen check", out problem);
        if (document is null)
        {
            return null;
        }

        var root = document.RootElement;
        var fields = JsonText.TryGetProperty(root, "TruongSaiLech", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.Object)
                .Select(f => new IGateCitizenCheckField(JsonText.Field(f, "Truong"), JsonText.Field(f, "KhaiBao"), JsonText.Field(f, "CoSoDuLieu")))
                .ToList()
            : [];
        return new IGateCitizenCheck(
            JsonText.Field(root, "MaHoSo"),
            JsonText.Field(root, "KetQua"),
            fields,
            Address(root, "ThuongTru"),
            Address(root, "NoiOHienTai"),
            JsonText.Field(root, "ThoiDiemXacMinh"));
    }

    private static IGateAddressCodes? Address(JsonElement root, string name) =>
        JsonText.TryGetProperty(root, name, out var value) && value.ValueKind == JsonValueKind.Object
            ? new IGateAddressCodes(JsonText.Field(value, "MaTinhThanh"), JsonText.Field(value, "MaQuanHuyen"), JsonText.Field(value, "MaPhuongXa"))
            : null;
}
