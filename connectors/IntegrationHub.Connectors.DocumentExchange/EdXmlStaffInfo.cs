namespace IntegrationHub.Connectors.DocumentExchange;

/// <summary>The official who changed the status, so the sender knows whom to contact.</summary>
public sealed record EdXmlStaffInfo
{
    public string Department { get; init; } = string.Empty;

    public string Staff { get; init; } = string.Empty;

    public string? Mobile { get; init; }

    public string? Email { get; init; }
}
