namespace IntegrationHub.Connectors.PaymentPlatform.Payments;

/// <summary>The answer of <c>POST /api/payments/init/{partner}</c>: the payment and where the payer pays it.</summary>
/// <param name="Status">The payment's status (<see cref="PaymentRecord"/>): <c>created</c> once INIT was answered.</param>
public sealed record PaymentInitAnswer(string MaThamChieu, string MaHoSo, long SoTien, string? UrlThanhToan, string Status);
