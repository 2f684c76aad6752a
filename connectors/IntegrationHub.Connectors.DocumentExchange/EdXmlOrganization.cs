namespace IntegrationHub.Connectors.DocumentExchange;

/// <summary>A sending or receiving agency (<c>From</c>, <c>To</c>); OrganId is the national agency code.</summary>
public sealed record EdXmlOrganization
{
    public required string OrganId { get; init; }

    public string OrganName { get; init; } = string.Empty;

    public string? OrganInCharge { get; init; }

    public string? OrganAdd { get; init; }

    public string? Email { get; init; }

    public string? Telephone { get; init; }

    public string? Fax { get; init; }

    public string? Website { get; init; }
}
