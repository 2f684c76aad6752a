namespace IntegrationHub.Connectors.Sandboxing;

public enum SandboxFaultKind
{
    None,
    ServerError,
    TooManyRequests,
    Timeout,
    Slow,
    Malformed,
}
