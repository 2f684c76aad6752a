using System.Globalization;

namespace IntegrationHub.Host.Admin.Dashboard;

/// <summary>The labels of the hub's dashboard pages in one language: Vietnamese (<see cref="Vietnamese"/>, the default)
/// or English (<see cref="English"/>). Every label is <c>required</c>, so a label added to one language and forgotten
/// in the other does not compile. A page gets its set from <see cref="DashboardLanguage"/>. To convert a page, add its
/// labels here and in both language files. <c>...Format</c> labels take arguments, filled by <see cref="Format"/>.</summary>
public sealed partial class DashboardText
{
    public static IReadOnlyList<string> Languages { get; } = ["vi", "en"];

    /// <summary><c>vi</c> or <c>en</c>.</summary>
    public required string Language { get; init; }

    /// <summary>Numbers are written the language's way (1.234 or 1,234).</summary>
    public required CultureInfo Culture { get; init; }

    /// <summary>Menu entry of the Flows page.</summary>
    public required string MenuFlows { get; init; }

    public required string FlowsTitle { get; init; }

    /// <summary>{0}: the zone's label.</summary>
    public required string FlowsIntroFormat { get; init; }

    public required string ColumnFlow { get; init; }

    public required string ColumnRoute { get; init; }

    public required string ColumnState { get; init; }

    public required string ColumnSchedule { get; init; }

    public required string ColumnRun { get; init; }

    public required string ColumnCounts { get; init; }

    public required string ColumnLastError { get; init; }

    public required string ColumnActions { get; init; }

    public required string StateEnabled { get; init; }

    public required string StateRunning { get; init; }

    public required string StatePaused { get; init; }

    public required string StateDisabled { get; init; }

    /// <summary>{0}: who; {1}: when.</summary>
    public required string PausedByFormat { get; init; }

    /// <summary>{0}: how many.</summary>
    public required string SkippedRunsFormat { get; init; }

    public required string Reason { get; init; }

    /// <summary>The schedule of an inbound flow.</summary>
    public required string OnPush { get; init; }

    public required string NextRun { get; init; }

    public required string NeverRun { get; init; }

    public required string RecordsRead { get; init; }

    public required string RecordsFiltered { get; init; }

    public required string MessagesCreated { get; init; }

    public required string Elapsed { get; init; }

    public required string Started { get; init; }

    public required string Duration { get; init; }

    public required string Outcome { get; init; }

    public required string Error { get; init; }

    public required string Trigger { get; init; }

    public required string Received { get; init; }

    public required string Delivered { get; init; }

    public required string Skipped { get; init; }

    public required string Failing { get; init; }

    public required string DeadLettered { get; init; }

    public required string Pending { get; init; }

    public required string Waiting { get; init; }

    public required string RunNow { get; init; }

    public required string Pause { get; init; }

    public required string Resume { get; init; }

    public required string ReasonPlaceholder { get; init; }

    public required string RunHistory { get; init; }

    /// <summary>{0}: the flow's id.</summary>
    public required string FlowTitleFormat { get; init; }

    public required string AllFlows { get; init; }

    public required string NoRuns { get; init; }

    /// <summary>{0}: the flow's id.</summary>
    public required string UnknownFlowFormat { get; init; }

    public required string AutoRefresh { get; init; }

    public required string StopRefresh { get; init; }

    /// <summary>The link to the other language, written in it.</summary>
    public required string OtherLanguage { get; init; }

    public required string OtherLanguageCode { get; init; }

    /// <summary>{0}: flow; {1}: action id; {2}: operator.</summary>
    public required string PausedFormat { get; init; }

    /// <summary>{0}: flow; {1}: operator.</summary>
    public required string ResumedFormat { get; init; }

    /// <summary>Appended when resume started a run; {0}: job id.</summary>
    public required string ResumedRunFormat { get; init; }

    /// <summary>{0}: flow; {1}: job id.</summary>
    public required string RunStartedFormat { get; init; }

    public required string ReasonRequired { get; init; }

    /// <summary>{0}: the limit.</summary>
    public required string ReasonTooLongFormat { get; init; }

    /// <summary>{0}: flow.</summary>
    public required string AlreadyPausedFormat { get; init; }

    /// <summary>{0}: flow.</summary>
    public required string NotPausedFormat { get; init; }

    /// <summary>{0}: flow; {1}: job id.</summary>
    public required string FlowRunningFormat { get; init; }

    /// <summary>{0}: flow.</summary>
    public required string FlowIsInboundFormat { get; init; }

    /// <summary>{0}: flow.</summary>
    public required string FlowPausedFormat { get; init; }

    public required string StatusSucceeded { get; init; }

    public required string StatusFailed { get; init; }

    public required string StatusRunning { get; init; }

    public required string StatusPaused { get; init; }

    public required string StatusCancelled { get; init; }

    public required string StatusAbandoned { get; init; }

    public required string TriggerSchedule { get; init; }

    public required string TriggerAdmin { get; init; }

    public required string TriggerStart { get; init; }

    public required string TriggerResume { get; init; }

    /// <summary>A run started in place of one whose host died (<c>Hub:Takeover:After</c>).</summary>
    public required string TriggerTakeover { get; init; }

    public required string StatusQueued { get; init; }

    /// <summary>A backfill waiting for its source's maintenance window to end (<c>waiting</c>).</summary>
    public required string StatusWaitingForMaintenance { get; init; }

    public required string TriggerBackfill { get; init; }

    public required string TriggerAfterBackfill { get; init; }

    public static bool IsLanguage(string? language) => language is not null && Languages.Contains(language);

    /// <summary>The set of <paramref name="language"/> (Vietnamese for anything else).</summary>
    public static DashboardText For(string? language) => language == "en" ? English : Vietnamese;

    public string Format(string format, params object?[] args) => string.Format(Culture, format, args);

    public string Number(long value) => value.ToString("N0", Culture);

    /// <summary>A run's status (<c>hub.flow_runs.status</c>) in words; one this page does not know is shown as it is.</summary>
    public string RunStatus(string status) => status switch
    {
        "succeeded" => StatusSucceeded,
        "failed" => StatusFailed,
        "running" => StatusRunning,
        "paused" => StatusPaused,
        "cancelled" => StatusCancelled,
        "abandoned" => StatusAbandoned,
        "queued" => StatusQueued,
        Storage.BackfillStore.WaitingStatus => StatusWaitingForMaintenance,
        _ => status,
    };

    /// <summary>Who started a run (<c>hub.flow_runs.trigger</c>) in words.</summary>
    public string RunTrigger(string trigger) => trigger switch
    {
        "schedule" => TriggerSchedule,
        "admin" => TriggerAdmin,
        _ when trigger.StartsWith("admin:", StringComparison.Ordinal) => $"{TriggerAdmin} ({trigger["admin:".Length..]})",
        "start" => TriggerStart,
        "resume" => TriggerResume,
        "takeover" => TriggerTakeover,
        _ when trigger.StartsWith("backfill:", StringComparison.Ordinal) => $"{TriggerBackfill} ({trigger["backfill:".Length..]})",
        "after-backfill" => TriggerAfterBackfill,
        _ => trigger,
    };
}
