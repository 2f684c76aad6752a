using System.Globalization;
using System.Text.Json;

namespace IntegrationHub.Connectors.PopulationDb.Citizens;

/// <summary>Who an iGate dossier (the <c>igate:dossiers</c> payload) says filed it.</summary>
/// <param name="LoaiDoiTuong">1 citizen, 2 business, 3 agency, 4 other.</param>
public sealed record DossierApplicant(string MaHoSo, int LoaiDoiTuong, string ChuHoSo, string SoDinhDanh, DateOnly NgaySinh, string MaTTHC)
{
    /// <summary>Keeps the id out of anything that prints the record.</summary>
    public override string ToString() => $"DossierApplicant {{ MaHoSo = {MaHoSo}, LoaiDoiTuong = {LoaiDoiTuong} }}";

    /// <returns>The applicant, or null with what is missing (no personal data in it).</returns>
    public static DossierApplicant? TryRead(string payload, out string? problem)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException)
        {
            problem = "The dossier is not JSON.";
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "The dossier is not a JSON object.";
                return null;
            }

            var maHoSo = Text(root, "maHoSo");
            var loai = root.TryGetProperty("loaiDoiTuong", out var l) && l.ValueKind == JsonValueKind.Number && l.TryGetInt32(out var n) ? n : (int?)null;
            var chuHoSo = Text(root, "chuHoSo");
            var soDinhDanh = Text(root, "soDinhDanh");
            var ngaySinh = DateOnly.TryParseExact(Text(root, "ngaySinh"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null;
            var maTTHC = Text(root, "maTTHC") ?? string.Empty;
            problem = maHoSo is null ? "The dossier has no maHoSo."
                : loai is null ? $"Dossier {maHoSo} has no integer loaiDoiTuong."
                : chuHoSo is null ? $"Dossier {maHoSo} has no chuHoSo."
                : soDinhDanh is null || soDinhDanh.Length != 12 || !soDinhDanh.All(char.IsAsciiDigit) ? $"Dossier {maHoSo} has no 12-digit soDinhDanh."
                : ngaySinh is null ? $"Dossier {maHoSo} has no ngaySinh (yyyy-MM-dd)."
                : null;
            return problem is null ? new DossierApplicant(maHoSo!, loai!.Value, chuHoSo!, soDinhDanh!, ngaySinh!.Value, maTTHC) : null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;
}
