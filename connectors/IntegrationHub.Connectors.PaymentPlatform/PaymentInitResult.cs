namespace IntegrationHub.Connectors.PaymentPlatform;

/// <summary>The platform's answer to INIT: where to send the payer.</summary>
public sealed record PaymentInitResult(string UrlThanhToan, string MaLoi, string MoTaLoi);
