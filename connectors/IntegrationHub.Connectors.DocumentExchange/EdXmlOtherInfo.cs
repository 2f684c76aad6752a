namespace IntegrationHub.Connectors.DocumentExchange;

/// <summary>Handling hints: Priority (0 normal … 4 urgent in the standard's scale) and optional extras.</summary>
public sealed record EdXmlOtherInfo
{
    public int Priority { get; init; }

    public string? SphereOfPromulgation { get; init; }

    public string? TyperNotation { get; init; }

    public int? PromulgationAmount { get; init; }

    public int? PageAmount { get; init; }
}
