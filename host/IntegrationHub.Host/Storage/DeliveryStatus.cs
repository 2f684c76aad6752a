namespace IntegrationHub.Host.Storage;

public enum DeliveryStatus
{
    Pending,
    Delivered,

    /// <summary>Done without a write: the destination (or the flow's enricher) said there was nothing to do, and why.</summary>
    Skipped,

    /// <summary>A dead letter, kept with its payload and error.</summary>
    Dead,
}
