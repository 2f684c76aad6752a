using IntegrationHub.Host.Storage;

namespace IntegrationHub.Host.Configuration;

/// <summary>The host's own settings, bound from the <c>Hub</c> section.</summary>
public sealed class HubOptions
{
    public const string Section = "Hub";

    public HubHttpOptions Http { get; set; } = new();

    public AdminOptions Admin { get; set; } = new();

    public JobOptions Jobs { get; set; } = new();

    public DeliveryOptions Delivery { get; set; } = new();

    public HubSchedulingOptions Scheduling { get; set; } = new();

    public EmbeddedPostgresOptions EmbeddedPostgres { get; set; } = new();

    public AttachmentOptions Attachments { get; set; } = new();

    public MetricsOptions Metrics { get; set; } = new();
}
