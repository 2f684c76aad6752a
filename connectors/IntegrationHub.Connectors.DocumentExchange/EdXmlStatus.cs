namespace IntegrationHub.Connectors.DocumentExchange;

/// <summary>A status message: the recipient (From) reports what happened to a document (ResponseFor).</summary>
public sealed record EdXmlStatus
{
    public required EdXmlResponseFor ResponseFor { get; init; }

    public required EdXmlOrganization From { get; init; }

    public required EdXmlStatusCode StatusCode { get; init; }

    public string Description { get; init; } = string.Empty;

    public required DateTimeOffset Timestamp { get; init; }

    public EdXmlStaffInfo StaffInfo { get; init; } = new();
}
