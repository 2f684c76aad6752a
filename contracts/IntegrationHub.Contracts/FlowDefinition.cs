namespace IntegrationHub.Contracts;

/// <summary>Binds a source stream to one or more destination streams, on a schedule.</summary>
/// <param name="Schedule">Quartz cron expression, evaluated in <paramref name="TimeZone"/>.</param>
public sealed record FlowDefinition(
    string Id,
    StreamRef Source,
    IReadOnlyList<StreamRef> Destinations,
    string Schedule,
    string TimeZone,
    bool RunOnStart);
