namespace IntegrationHub.Host.Execution;

public enum FlowRunRequestStatus
{
    Enqueued,
    AlreadyRunning,
    UnknownFlow,

    /// <summary>The flow's source is pushed to the hub: there is nothing to run.</summary>
    Inbound,

    /// <summary>An operator paused the flow: it starts no run until resumed.</summary>
    Paused,
}
