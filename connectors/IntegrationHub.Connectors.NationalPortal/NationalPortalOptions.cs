using System.ComponentModel.DataAnnotations;

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

    public override string ToString() =>
        $"NationalPortalOptions {{ BaseUrl = {BaseUrl}, Username = {Username}, UnitCode = {UnitCode}, PageSize = {PageSize}, MaxParallelDetails = {MaxParallelDetails} }}";
}
