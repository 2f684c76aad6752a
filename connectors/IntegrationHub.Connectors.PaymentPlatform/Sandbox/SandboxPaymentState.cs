namespace IntegrationHub.Connectors.PaymentPlatform.Sandbox;

/// <summary>One payment as the sandbox keeps it; mutated only under <see cref="SandboxPaymentStore"/>'s lock.</summary>
internal sealed class SandboxPaymentState(PaymentInitMessage init, string token, string urlThanhToan)
{
    public PaymentInitMessage Init { get; } = init;

    public string Token { get; } = token;

    public string UrlThanhToan { get; } = urlThanhToan;

    public PaymentStatus Status { get; set; } = PaymentStatus.Pending;

    public string MaGiaoDich { get; set; } = string.Empty;

    public string MaNganHang { get; set; } = string.Empty;

    public string SettledAt { get; set; } = string.Empty;

    public string SoBienLai { get; set; } = string.Empty;

    public PaymentPlatformSandboxPayment View() => new(
        Init.MaThamChieu,
        Init.SoTien,
        Status,
        UrlThanhToan,
        Init.ThongTinGiaoDich,
        MaGiaoDich,
        MaNganHang,
        Status == PaymentStatus.Pending ? Init.ThoiGianGD : SettledAt,
        SoBienLai,
        Init.ThongTinBienLai);
}
