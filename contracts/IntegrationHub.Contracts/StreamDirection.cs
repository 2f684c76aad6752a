namespace IntegrationHub.Contracts;

[Flags]
public enum StreamDirection
{
    Source = 1,
    Destination = 2,
    Both = Source | Destination,
}
