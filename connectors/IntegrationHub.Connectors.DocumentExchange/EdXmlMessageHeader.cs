namespace IntegrationHub.Connectors.DocumentExchange;

/// <summary>The document's metadata (<c>MessageHeader</c>). The standard allows several recipients, hence a list of To.</summary>
public sealed record EdXmlMessageHeader
{
    public required EdXmlOrganization From { get; init; }

    public required IReadOnlyList<EdXmlOrganization> To { get; init; }

    public required string DocumentId { get; init; }

    public EdXmlCode Code { get; init; } = new();

    public required EdXmlPromulgationInfo PromulgationInfo { get; init; }

    public EdXmlDocumentType DocumentType { get; init; } = new();

    public string Subject { get; init; } = string.Empty;

    public string Content { get; init; } = string.Empty;

    public EdXmlSignerInfo SignerInfo { get; init; } = new();

    public EdXmlOtherInfo OtherInfo { get; init; } = new();

    public int? SteeringType { get; init; }
}
