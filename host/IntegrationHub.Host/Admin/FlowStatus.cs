using IntegrationHub.Contracts;
using IntegrationHub.Host.Storage;

namespace IntegrationHub.Host.Admin;

/// <summary>One flow as an operator watches it: its state (<see cref="FlowState"/>), pause, last (or running) run with
/// its progress, counts and next scheduled run.</summary>
public sealed record FlowStatus(FlowDefinition Flow, string State, FlowPause? Pause, FlowRun? LastRun, FlowCounts Counts, DateTimeOffset? NextRunAt);
