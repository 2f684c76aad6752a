namespace IntegrationHub.Connectors.PaymentPlatform.Payments;

/// <summary>One line of a reconciliation: a payment matched, missing on one side, or differing in amount or status.</summary>
public sealed record ReconciliationItem(
    string Kind,
    string MaThamChieu,
    string? MaHoSo,
    long? HubAmount,
    long? PlatformAmount,
    string? HubStatus,
    string? PlatformStatus,
    string? MaGiaoDich)
{
    public const string Matched = "matched";
    public const string MissingInHub = "missing_in_hub";
    public const string MissingAtPlatform = "missing_at_platform";
    public const string AmountMismatch = "amount_mismatch";
    public const string StatusMismatch = "status_mismatch";

    public bool IsMismatch => Kind != Matched;
}
