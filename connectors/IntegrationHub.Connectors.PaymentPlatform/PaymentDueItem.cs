namespace IntegrationHub.Connectors.PaymentPlatform;

/// <summary>One amount owed, as printed on the receipt (an item of <c>DSKhoanNop</c>).</summary>
public sealed record PaymentDueItem
{
    public string NoiDung { get; init; } = string.Empty;

    public long SoTien { get; init; }
}
