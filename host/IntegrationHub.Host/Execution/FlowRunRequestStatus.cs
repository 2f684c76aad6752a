namespace IntegrationHub.Host.Execution;

public enum FlowRunRequestStatus
{
    Enqueued,
    AlreadyRunning,
    UnknownFlow,
}
