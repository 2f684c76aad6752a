namespace IntegrationHub.Connectors.DocumentExchange;

/// <summary>Who signed the document and in which capacity (Competence, e.g. "TM." / "KT.").</summary>
public sealed record EdXmlSignerInfo
{
    public string Competence { get; init; } = string.Empty;

    public string Position { get; init; } = string.Empty;

    public string FullName { get; init; } = string.Empty;
}
