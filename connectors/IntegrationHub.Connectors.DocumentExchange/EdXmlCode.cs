namespace IntegrationHub.Connectors.DocumentExchange;

/// <summary>The document's number and notation, e.g. 125 and "UBND-VP" for "125/UBND-VP".</summary>
public sealed record EdXmlCode
{
    public string CodeNumber { get; init; } = string.Empty;

    public string CodeNotation { get; init; } = string.Empty;
}
