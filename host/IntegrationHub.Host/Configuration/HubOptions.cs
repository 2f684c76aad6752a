using IntegrationHub.Host.Storage;

namespace IntegrationHub.Host.Configuration;

/// <summary>The host's own settings, bound from the <c>Hub</c> section.</summary>
public sealed class HubOptions
{
    public const string Section = "Hub";

    public HubHttpOptions Http { get; set; } = new();

    /// <summary>The address officials open the hub at (e.g. <c>https://hub.tinh.gov.vn</c>, behind the province's
    /// proxy); alert e-mails link to it. Empty: the first address the hub listens on.</summary>
    public string? PublicUrl { get; set; }

    public AdminOptions Admin { get; set; } = new();

    public JobOptions Jobs { get; set; } = new();

    public DeliveryOptions Delivery { get; set; } = new();

    public HubSchedulingOptions Scheduling { get; set; } = new();

    public ConnectivityOptions Connectivity { get; set; } = new();

    public EmbeddedPostgresOptions EmbeddedPostgres { get; set; } = new();

    public AttachmentOptions Attachments { get; set; } = new();

    public RetentionOptions Retention { get; set; } = new();

    public MetricsOptions Metrics { get; set; } = new();

    public HubDashboardOptions Dashboard { get; set; } = new();

    public TakeoverOptions Takeover { get; set; } = new();

    public CounterpartyHealthOptions Counterparties { get; set; } = new();

    public WakeOptions Wake { get; set; } = new();

    public CalendarOptions Calendar { get; set; } = new();

    public EvidenceOptions Evidence { get; set; } = new();
}
