namespace IntegrationHub.Connectors.IGate.Sandbox.Writes;

/// <summary>What applying one valid-looking item did: applied with a status and counted under a business key, or rejected.</summary>
internal sealed record ItemWrite(string? Status, string? CountedAs, string? ErrorCode, string? ErrorMessage)
{
    public static ItemWrite Applied(string status, string countedAs) => new(status, countedAs, null, null);

    public static ItemWrite Rejected(string errorCode, string message) => new(null, null, errorCode, message);
}
