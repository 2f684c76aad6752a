namespace IntegrationHub.Contracts;

public enum FailureKind
{
    /// <summary>Configuration is wrong (bad URL, credentials): fix config, retrying will not help.</summary>
    Config,

    /// <summary>May succeed later (timeouts, 5xx, 429, open circuit): retried.</summary>
    Transient,

    /// <summary>The counterparty rejected this message for good (poison): it becomes a dead letter.</summary>
    Permanent,
}
