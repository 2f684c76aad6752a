namespace IntegrationHub.Host.Admin.Dashboard;

/// <summary>The labels of the Connectors pages (<see cref="ConnectorsPage"/>, <see cref="ConnectorPage"/>).</summary>
public sealed partial class DashboardText
{
    public required string MenuConnectors { get; init; }

    public required string ConnectorsTitle { get; init; }

    /// <summary>{0}: the zone's label.</summary>
    public required string ConnectorsIntroFormat { get; init; }

    /// <summary>{0}: the connector's id.</summary>
    public required string ConnectorTitleFormat { get; init; }

    public required string AllConnectors { get; init; }

    /// <summary>{0}: the connector's id.</summary>
    public required string UnknownConnectorFormat { get; init; }

    public required string ColumnConnector { get; init; }

    public required string ColumnVersion { get; init; }

    public required string ColumnStreams { get; init; }

    public required string ColumnFlows { get; init; }

    public required string ColumnCircuit { get; init; }

    public required string ColumnCallsLastHour { get; init; }

    public required string ColumnLatency { get; init; }

    public required string ColumnLastCheck { get; init; }

    public required string CircuitClosed { get; init; }

    public required string CircuitOpen { get; init; }

    public required string CircuitHalfOpen { get; init; }

    public required string Calls { get; init; }

    public required string Failures { get; init; }

    public required string NotChecked { get; init; }

    public required string CheckSucceeded { get; init; }

    public required string CheckFailed { get; init; }

    /// <summary>{0}: when (local).</summary>
    public required string FailingSinceFormat { get; init; }

    /// <summary>{0}: when (local).</summary>
    public required string LastSuccessFormat { get; init; }

    public required string NeverSucceeded { get; init; }

    /// <summary>{0}: since when (local); {1}: failed calls since.</summary>
    public required string CallsFailingSinceFormat { get; init; }

    /// <summary>{0}: the end (local HH:mm, with the date when not today); {1}: the reason.</summary>
    public required string InMaintenanceUntilFormat { get; init; }

    /// <summary>{0}: the start (local); {1}: the end (local); {2}: the reason.</summary>
    public required string NextMaintenanceFormat { get; init; }

    /// <summary>{0}: the officer.</summary>
    public required string CheckedByFormat { get; init; }

    public required string CheckedBySchedule { get; init; }

    public required string CheckNow { get; init; }

    /// <summary>{0}: connector; {1}: milliseconds; {2}: officer.</summary>
    public required string CheckPassedFormat { get; init; }

    /// <summary>{0}: connector; {1}: failure kind; {2}: code; {3}: the first problem.</summary>
    public required string CheckNotPassedFormat { get; init; }

    public required string Specification { get; init; }

    public required string OptionsType { get; init; }

    public required string Streams { get; init; }

    public required string ColumnName { get; init; }

    public required string ColumnDirection { get; init; }

    public required string ColumnDescription { get; init; }

    public required string ColumnKey { get; init; }

    public required string ColumnCursor { get; init; }

    public required string ColumnPayloadSchema { get; init; }

    public required string DirectionSource { get; init; }

    public required string DirectionDestination { get; init; }

    public required string Yes { get; init; }

    public required string No { get; init; }

    public required string ShowSchema { get; init; }

    public required string FlowsUsing { get; init; }

    public required string NoFlows { get; init; }

    /// <summary>Heading of the call statistics (this hub process's, over the last hour).</summary>
    public required string CallStatistics { get; init; }

    public required string FailuresByKind { get; init; }

    public required string NoFailures { get; init; }

    public required string LastCheck { get; init; }

    public required string FailureTimeout { get; init; }

    public required string FailureNetwork { get; init; }

    public required string FailureServerError { get; init; }

    public required string FailureThrottled { get; init; }

    public required string FailureCircuitOpen { get; init; }

    public required string FailureRequestContent { get; init; }

    /// <summary>A circuit's state (<see cref="Observability.CounterpartyCircuitState"/>'s name) in words.</summary>
    public string Circuit(string state) => state switch
    {
        "Closed" => CircuitClosed,
        "Open" => CircuitOpen,
        "HalfOpen" => CircuitHalfOpen,
        _ => state,
    };

    /// <summary>A failed call's kind (<see cref="Observability.CounterpartyCallRecorder"/>) in words.</summary>
    public string FailureKind(string kind) => kind switch
    {
        Observability.CounterpartyCallRecorder.Timeout => FailureTimeout,
        Observability.CounterpartyCallRecorder.Network => FailureNetwork,
        Observability.CounterpartyCallRecorder.ServerError => FailureServerError,
        Observability.CounterpartyCallRecorder.Throttled => FailureThrottled,
        Observability.CounterpartyCallRecorder.CircuitOpen => FailureCircuitOpen,
        Observability.CounterpartyCallRecorder.RequestContent => FailureRequestContent,
        _ => kind,
    };

    /// <summary>A stream's direction (<see cref="Contracts.StreamDirection"/>'s name) in words.</summary>
    public string Direction(string direction) => direction switch
    {
        "Source" => DirectionSource,
        "Destination" => DirectionDestination,
        _ => direction,
    };
}
