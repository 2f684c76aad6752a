using System.Text.Json.Serialization;

namespace IntegrationHub.Connectors.IGate.Sandbox.Dossiers;

/// <summary>A file the applicant submitted with the dossier.</summary>
/// <param name="DungLuong">Size in bytes.</param>
internal sealed record DossierDocument(
    [property: JsonPropertyName("maTaiLieu")] string MaTaiLieu,
    [property: JsonPropertyName("tenTaiLieu")] string TenTaiLieu,
    [property: JsonPropertyName("tenTep")] string TenTep,
    [property: JsonPropertyName("dungLuong")] long DungLuong,
    [property: JsonPropertyName("duongDan")] string DuongDan);
