namespace IntegrationHub.Contracts;

/// <summary>A pluggable counterparty adapter. Connectors hold no retry loops, schedules or SQL: the host owns those.</summary>
public interface IConnector
{
    ConnectorSpec Spec { get; }

    /// <summary>Parameters: offline validation at start. Connectivity: reach the counterparty (backs health).</summary>
    Task<CheckResult> CheckAsync(CheckScope scope, CancellationToken cancellationToken);
}
