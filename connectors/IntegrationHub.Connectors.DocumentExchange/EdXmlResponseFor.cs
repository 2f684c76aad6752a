namespace IntegrationHub.Connectors.DocumentExchange;

/// <summary>Identifies the document a status message is about: issuing agency, its code ("125/UBND-VP"), date, id.</summary>
public sealed record EdXmlResponseFor
{
    public required string OrganId { get; init; }

    public string Code { get; init; } = string.Empty;

    public required DateOnly PromulgationDate { get; init; }

    public required string DocumentId { get; init; }
}
