namespace IntegrationHub.Connectors.PaymentPlatform;

/// <summary>One fee or charge of a receipt (an item of <c>PhiLePhi</c>).</summary>
public sealed record PaymentFee
{
    public string LoaiPhiLePhi { get; init; } = string.Empty;

    public string MaPhiLePhi { get; init; } = string.Empty;

    public string TenPhiLePhi { get; init; } = string.Empty;

    public long SoTien { get; init; }
}
