namespace IntegrationHub.Host.Admin;

public enum FlowPauseOutcome
{
    Paused,
    Resumed,

    /// <summary>Pause asked of a paused flow: nothing changed (the pause in force is returned).</summary>
    AlreadyPaused,

    /// <summary>Resume asked of a flow that is not paused: nothing changed.</summary>
    NotPaused,
    UnknownFlow,
}
