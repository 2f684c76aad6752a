namespace IntegrationHub.Host.Configuration;

/// <summary>One flow as written in config (<c>Flows:{id}</c>). Its <c>Filter</c> is read by <see cref="FlowFilter"/>.</summary>
public sealed class FlowOptions
{
    /// <summary><c>connector:stream</c> read on schedule.</summary>
    public string? Source { get; set; }

    /// <summary><c>connector:stream</c> each message is delivered to.</summary>
    public List<string> Destinations { get; set; } = [];

    /// <summary>Quartz cron (seconds first), e.g. <c>0 0/5 * * * ?</c>.</summary>
    public string? Schedule { get; set; }

    public string? TimeZone { get; set; }

    /// <summary>Run once when the host starts, besides the schedule.</summary>
    public bool RunOnStart { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>Optional: the name of an enrichment step (an <c>IMessageEnricher</c> a module registers) that turns each message
    /// into what the destinations receive, before delivery.</summary>
    public string? Enricher { get; set; }

    /// <summary>A dead letter holds its record's later messages (they wait, visibly) until it is replayed or discarded.
    /// Off: later messages go ahead (a full-state record such as a procedure supersedes the rejected one).</summary>
    public bool HoldBehindDeadLetter { get; set; } = true;

    /// <summary><c>all-days</c> (empty: the default), <c>working-days</c> (the national working-day calendar: the schedule
    /// skips weekends and days off, and fires on working Saturdays), or a name of <c>Hub:Calendar:Named</c>.</summary>
    public string? Calendar { get; set; }

    /// <summary>A slot missed while no host ran: <c>fire-once-now</c> (empty: the default) runs once at start;
    /// <c>skip</c> waits for the next slot.</summary>
    public string? Misfire { get; set; }
}
