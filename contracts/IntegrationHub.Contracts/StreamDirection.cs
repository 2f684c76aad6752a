namespace IntegrationHub.Contracts;

[Flags]
public enum StreamDirection
{
    /// <summary>The connector reads it, on the flow's schedule.</summary>
    Source = 1,

    /// <summary>The connector writes it.</summary>
    Destination = 2,

    Both = Source | Destination,

    /// <summary>The counterparty pushes it to the hub (a callback, an inbound message); the host receives and stores
    /// it, and a flow whose source it is delivers it without a schedule.</summary>
    Inbound = 4,
}
