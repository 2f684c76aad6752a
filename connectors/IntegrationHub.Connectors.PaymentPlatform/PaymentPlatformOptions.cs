using IntegrationHub.Connectors.Kit;
using System.ComponentModel.DataAnnotations;

namespace IntegrationHub.Connectors.PaymentPlatform;

/// <summary>Options of the national payment platform connector, bound from <c>Connectors:payment-platform</c> and
/// validated with DataAnnotations on start.</summary>
public sealed class PaymentPlatformOptions
{
    /// <summary>Root of the platform's API, e.g. <c>https://thanhtoan.dichvucong.gov.vn/</c>; calls go to
    /// <c>{BaseUrl}api/payment</c> and <c>{BaseUrl}api/statement</c>.</summary>
    [Required(ErrorMessage = "BaseUrl is required.")]
    [AbsoluteHttpUrl]
    public string BaseUrl { get; set; } = string.Empty;

    /// <summary>The province's partner code (MaDoiTac) issued by the platform.</summary>
    [Required(ErrorMessage = "MaDoiTac is required.")]
    public string MaDoiTac { get; set; } = string.Empty;

    /// <summary>The shared secret appended to every MaXacThuc hash. A secret: never logged and left out of
    /// <see cref="ToString"/>.</summary>
    [Required(ErrorMessage = "SecretKey is required.")]
    public string SecretKey { get; set; } = string.Empty;

    /// <summary>Message version sent as PhienBan.</summary>
    [Required(ErrorMessage = "PhienBan is required (the platform speaks 1.0.6).")]
    public string PhienBan { get; set; } = "1.0.6";

    public override string ToString() =>
        $"PaymentPlatformOptions {{ BaseUrl = {BaseUrl}, MaDoiTac = {MaDoiTac}, PhienBan = {PhienBan}, SecretKey = {(string.IsNullOrEmpty(SecretKey) ? "(not set)" : "***")} }}";
}
