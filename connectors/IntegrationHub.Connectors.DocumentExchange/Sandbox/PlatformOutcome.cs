namespace IntegrationHub.Connectors.DocumentExchange.Sandbox;

/// <summary>How the platform took a send or a status: the HTTP status to answer and, for a refusal, the error code.</summary>
internal sealed record PlatformOutcome(int HttpStatus, string? Code = null, string? Message = null)
{
    public static PlatformOutcome Created { get; } = new(201);

    public static PlatformOutcome Accepted { get; } = new(202);

    public static PlatformOutcome Repeated { get; } = new(200);

    public bool Refused => Code is not null;
}
