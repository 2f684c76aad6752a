namespace IntegrationHub.Host.Sla;

/// <summary>Where one record (or, for <c>run-by</c>, one working day) stands against its deadline.</summary>
public enum SlaOutcome
{
    OnTime,
    Late,
    OpenPastDeadline,
    NotYetDue,
    Discarded,
}
