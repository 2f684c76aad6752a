namespace IntegrationHub.Connectors.DocumentExchange;

/// <summary>Where and on which day the document was issued.</summary>
public sealed record EdXmlPromulgationInfo
{
    public string Place { get; init; } = string.Empty;

    public required DateOnly PromulgationDate { get; init; }
}
