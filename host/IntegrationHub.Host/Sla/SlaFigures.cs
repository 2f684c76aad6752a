namespace IntegrationHub.Host.Sla;

/// <summary>A day (<c>yyyy-MM-dd</c>) or month (<c>yyyy-MM</c>) of a flow's SLA, by the local day its records were read
/// (for <c>run-by</c>: each working day is one item due). <see cref="Due"/> = on time + late + open past deadline;
/// <see cref="ShareOnTime"/> = on time / due (null when nothing was due). Records whose deadline has not passed and that
/// are not delivered yet are <see cref="NotYetDue"/>; records an operator discarded are counted apart, in no share.</summary>
public sealed record SlaFigures(string Period, long Due, long OnTime, long Late, long OpenPastDeadline, long NotYetDue, long Discarded)
{
    public double? ShareOnTime => Due == 0 ? null : Math.Round((double)OnTime / Due, 4);
}
