namespace IntegrationHub.Host.Storage;

public enum DeliveryStatus
{
    Pending,
    Delivered,

    /// <summary>Parked as a dead letter with its payload and error.</summary>
    Dead,
}
