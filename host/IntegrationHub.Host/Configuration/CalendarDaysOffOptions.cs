namespace IntegrationHub.Host.Configuration;

/// <summary>Days off a government decision (or a named calendar) gives: <c>From</c>..<c>To</c> inclusive
/// (<c>yyyy-MM-dd</c>; <c>To</c> empty: the one day <c>From</c>).</summary>
public sealed class CalendarDaysOffOptions
{
    public string? From { get; set; }

    public string? To { get; set; }

    public string? Name { get; set; }

    /// <summary>Optional: the statutory holiday whose default days (and their compensatory days) this decision replaces:
    /// <c>new-year</c>, <c>tet</c>, <c>hung-kings</c>, <c>reunification</c>, <c>labour-day</c> or <c>national-day</c>.</summary>
    public string? Replaces { get; set; }

    /// <summary>The days of a validated entry, From to To.</summary>
    public IEnumerable<DateOnly> Days()
    {
        CalendarOptions.TryParseDate(From, out var from);
        var to = CalendarOptions.TryParseDate(To, out var last) ? last : from;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}
