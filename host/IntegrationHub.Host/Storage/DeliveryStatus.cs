namespace IntegrationHub.Host.Storage;

public enum DeliveryStatus
{
    Pending,
    Delivered,

    /// <summary>A dead letter, kept with its payload and error.</summary>
    Dead,
}
