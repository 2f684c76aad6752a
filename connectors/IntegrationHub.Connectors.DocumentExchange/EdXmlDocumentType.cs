namespace IntegrationHub.Connectors.DocumentExchange;

/// <summary>The kind of document: Type is the numeric class of the standard, TypeName its name (e.g. "Công văn").</summary>
public sealed record EdXmlDocumentType
{
    public int Type { get; init; }

    public string TypeName { get; init; } = string.Empty;
}
