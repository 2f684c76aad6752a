namespace IntegrationHub.Connectors.PaymentPlatform.Payments;

/// <summary>Payments through the national payment platform (<c>Payments</c> section).</summary>
public sealed class PaymentsOptions
{
    public const string Section = "Payments";

    /// <summary>Message type a partner must be allowed (in <c>Inbound:Partners:{id}:MessageTypes</c>) to start payments.</summary>
    public const string InitMessageType = "payment-init";

    /// <summary>Quartz cron: QUERY the platform for payments still open (the callback may have been lost).</summary>
    public string QuerySchedule { get; set; } = "0 0/5 * * * ?";

    /// <summary>Open payments younger than this are left to the callback.</summary>
    public TimeSpan QueryMinAge { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Open payments older than this are no longer queried (the platform's window).</summary>
    public TimeSpan QueryMaxAge { get; set; } = TimeSpan.FromDays(3);

    public int QueryBatchSize { get; set; } = 500;

    /// <summary>Quartz cron: reconcile yesterday's statement (local time).</summary>
    public string ReconcileSchedule { get; set; } = "0 30 1 * * ?";

    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";

    /// <summary>Prefix of the hub's MaThamChieu (followed by the local date and a sequence number).</summary>
    public string ReferencePrefix { get; set; } = "HUB";

    public int CallbackMaxBodyBytes { get; set; } = 16 * 1024;

    /// <summary>The largest fee line and the largest payment (VND): a bound on every amount, so no sum can overflow.</summary>
    public long MaxAmount { get; set; } = 1_000_000_000_000;
}
