namespace IntegrationHub.Host.Admin.Dashboard;

/// <summary>The labels of the Messages, Dead letters and Parked inbox pages (their values in the language files).</summary>
public sealed partial class DashboardText
{
    /// <summary>Menu entry of the Messages page.</summary>
    public required string MenuMessages { get; init; }

    /// <summary>Menu entry of the Dead letters page.</summary>
    public required string MenuDeadLetters { get; init; }

    /// <summary>Menu entry of the Parked inbox page.</summary>
    public required string MenuParkedInbox { get; init; }

    /// <summary>{0}: the zone's label.</summary>
    public required string TimesLocalFormat { get; init; }

    /// <summary>Instead of the buttons, for an officer without the operator role.</summary>
    public required string OperatorRoleNeeded { get; init; }

    public required string ColumnTime { get; init; }

    public required string ColumnBusinessKey { get; init; }

    public required string ColumnDestination { get; init; }

    public required string ColumnAttempts { get; init; }

    public required string Payload { get; init; }

    public required string DownloadCsv { get; init; }

    public required string Replay { get; init; }

    public required string Discard { get; init; }

    /// <summary>{0}: how many; {1}: action id; {2}: operator.</summary>
    public required string ReplayedFormat { get; init; }

    /// <summary>{0}: how many; {1}: action id; {2}: operator.</summary>
    public required string DiscardedFormat { get; init; }

    public required string MessagesTitle { get; init; }

    public required string BusinessKeySearch { get; init; }

    /// <summary>{0}: an example value.</summary>
    public required string ExampleFormat { get; init; }

    public required string Search { get; init; }

    /// <summary>{0}: the business key.</summary>
    public required string NoMessagesFormat { get; init; }

    /// <summary>{0}: message id; {1}: flow; {2}: record; {3}: version; {4}: when received.</summary>
    public required string MessageHeadingFormat { get; init; }

    public required string Trace { get; init; }

    public required string TraceHint { get; init; }

    public required string Reference { get; init; }

    public required string ReferenceHint { get; init; }

    /// <summary>The link from a dead delivery to its dead letter.</summary>
    public required string ReplayOrDiscard { get; init; }

    public required string ColumnStep { get; init; }

    public required string ColumnDetail { get; init; }

    public required string ColumnByWhy { get; init; }

    /// <summary>{0}: action id.</summary>
    public required string ActionNumberFormat { get; init; }

    public required string DeadLettersTitle { get; init; }

    /// <summary>{0}: how many.</summary>
    public required string DeadLetterTotalFormat { get; init; }

    /// <summary>{0}: how many.</summary>
    public required string DeadLetterTotalFilteredFormat { get; init; }

    public required string ColumnMessage { get; init; }

    public required string DeadLettersFirstPage { get; init; }

    /// <summary>{0}: how many rows a page shows.</summary>
    public required string DeadLettersNextPageFormat { get; init; }

    public required string ColumnDeadSince { get; init; }

    public required string ColumnWaitingBehind { get; init; }

    public required string DeadLetterActsOn { get; init; }

    public required string DeadLetterReasonExample { get; init; }

    public required string DryRun { get; init; }

    /// <summary>{0}: how many.</summary>
    public required string DryRunFormat { get; init; }

    public required string Filter { get; init; }

    public required string FieldErrorCode { get; init; }

    public required string FieldFrom { get; init; }

    public required string FieldTo { get; init; }

    public required string DateFormatProblem { get; init; }

    public required string DeadLetterSelectionRequired { get; init; }

    public required string InvalidRange { get; init; }

    public required string ParkedTitle { get; init; }

    /// <summary>{0}: how many.</summary>
    public required string ParkedTotalFormat { get; init; }

    public required string ColumnInboxId { get; init; }

    public required string ColumnPartnerType { get; init; }

    public required string ColumnMessageId { get; init; }

    public required string ColumnParked { get; init; }

    public required string ParkedActsOn { get; init; }

    /// <summary>{0}: how many.</summary>
    public required string ParkedAllFormat { get; init; }

    public required string ParkedReasonExample { get; init; }

    public required string ChooseReplayOrDiscard { get; init; }

    public required string ParkedSelectionRequired { get; init; }
}
