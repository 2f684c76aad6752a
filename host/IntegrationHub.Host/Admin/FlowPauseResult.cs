using IntegrationHub.Host.Execution;
using IntegrationHub.Host.Storage;

namespace IntegrationHub.Host.Admin;

/// <param name="Pause">The pause made, in force, or lifted.</param>
/// <param name="Run">The run a resume asked for, if any.</param>
public sealed record FlowPauseResult(FlowPauseOutcome Outcome, FlowPause? Pause, FlowRunRequest? Run = null);
