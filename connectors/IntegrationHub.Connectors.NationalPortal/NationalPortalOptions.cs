using System.ComponentModel.DataAnnotations;
using IntegrationHub.Connectors.Kit;

namespace IntegrationHub.Connectors.NationalPortal;

/// <summary>Settings of the National Portal (DVCQG) connector, bound from <c>Connectors:national-portal</c>.</summary>
public sealed class NationalPortalOptions
{
    /// <summary>Absolute http(s) address of the portal's API, e.g. <c>https://api.dichvucong.gov.vn/</c>.</summary>
    [Required]
    [AbsoluteHttpUrl]
    public string? BaseUrl { get; set; }

    [Required]
    public string? Username { get; set; }

    /// <summary>A secret: never logged and left out of <see cref="ToString"/>.</summary>
    [Required]
    public string? Password { get; set; }

    /// <summary>The province's unit code (madonvi) sent with every call, e.g. <c>000.00.00.H56</c>.</summary>
    [Required]
    public string? UnitCode { get; set; }

    /// <summary>Procedures per LayDanhSachTTHC page; one page is one checkpoint.</summary>
    [Range(1, 1000)]
    public int PageSize { get; set; } = 100;

    /// <summary>At most this many LayThuTuc calls in flight at once.</summary>
    [Range(1, 64)]
    public int MaxParallelDetails { get; set; } = 8;

    /// <summary>At most this many dossiers written at once (each dossier's own messages always go one after another).</summary>
    [Range(1, 64)]
    public int MaxParallelWrites { get; set; } = 8;

    /// <summary>iGate's local dossier status (e.g. <c>DANG_XU_LY</c>) → the portal's TrangThaiHoSo code ("0".."10").
    /// Required for writing dossiers and progress; a status missing here fails its message with code MAPPING.</summary>
    public Dictionary<string, string> StatusMap { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The zone the portal's <c>yyyyMMddHHmmss</c> dates are written in (IANA or Windows id).</summary>
    public string? TimeZone { get; set; } = Mapping.DvcqgDateFormat.DefaultTimeZoneId;

    public override string ToString() =>
        $"NationalPortalOptions {{ BaseUrl = {BaseUrl}, Username = {Username}, UnitCode = {UnitCode}, PageSize = {PageSize}, MaxParallelDetails = {MaxParallelDetails}, MaxParallelWrites = {MaxParallelWrites}, StatusMap = {StatusMap.Count} entries, TimeZone = {TimeZone} }}";
}
