namespace IntegrationHub.Connectors.PaymentPlatform.Payments;

public static class PaymentDays
{
    /// <summary>Yesterday in the province's time zone: the day a nightly reconciliation covers.</summary>
    public static DateOnly Yesterday(TimeProvider timeProvider, string timeZone)
    {
        var local = TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(timeZone));
        return DateOnly.FromDateTime(local.DateTime).AddDays(-1);
    }
}
