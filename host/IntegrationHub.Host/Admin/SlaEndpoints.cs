using IntegrationHub.Contracts;
using System.Globalization;
using IntegrationHub.Host.Calendar;
using IntegrationHub.Host.Sla;

namespace IntegrationHub.Host.Admin;

/// <summary><c>GET /api/sla?flow=&amp;from=&amp;to=</c>: flows' SLA figures per local day and month (records due, on time,
/// late, still open past their deadline, share on time); <c>format=csv</c> (or <c>Accept: text/csv</c>) gives the same as
/// CSV, one line per flow's SLA and period, for the monthly report upward. A flow with several SLAs has lines for each;
/// the last column, <c>target</c> (<c>2h</c>, <c>08:00</c>), tells two of one kind apart.</summary>
public static class SlaEndpoints
{
    public const string InvalidRangeCode = "invalid_sla_range";
    public const string NoSlaCode = "no_sla";

    /// <summary>A year and a bit: the longest report an official asks for, which still bounds the read.</summary>
    public const int MaxDays = 366;

    public static readonly IReadOnlyList<string> CsvHeader =
        ["flow", "kind", "period", "due", "on_time", "late", "open_past_deadline", "not_yet_due", "discarded", "share_on_time", "target"];

    public static IEndpointRouteBuilder MapSlaApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/sla", ReportAsync)
            .RequireAuthorization(AdminAccessRequirement.PolicyName)
            .WithTags("SLA").WithName("getSlaReport")
            .WithSummary("Flows' SLA figures per local day and month: due, on time, late, open past deadline, share on time (format=csv for CSV)")
            .Produces<SlaReport>()
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, InvalidRangeCode)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, NoSlaCode);
        return app;
    }

    /// <param name="flow">A flow with <c>Flows:{id}:Sla</c>; absent: every flow with an SLA.</param>
    /// <param name="from">First local day, <c>yyyy-MM-dd</c>; absent: the first day of this month.</param>
    /// <param name="to">Last local day (included), <c>yyyy-MM-dd</c>; absent: today. At most 366 days after <paramref name="from"/>.</param>
    /// <param name="format"><c>json</c> (default) or <c>csv</c>.</param>
    private static async Task<IResult> ReportAsync(
        HttpContext context, string? flow, string? from, string? to, string? format, FlowSlas slas, SlaEvaluator evaluator, WorkingCalendars calendars, CancellationToken cancellationToken)
    {
        var today = calendars.Today;
        if (!TryDay(from, new DateOnly(today.Year, today.Month, 1), out var first) || !TryDay(to, today, out var last)
            || last < first || last.DayNumber - first.DayNumber >= MaxDays || !WorkingCalendars.IsSupportedYear(first.Year) || !WorkingCalendars.IsSupportedYear(last.Year))
        {
            return AdminJsonBody.Problem(StatusCodes.Status400BadRequest, InvalidRangeCode, "Invalid date range",
                $"from and to are local days yyyy-MM-dd, from <= to, at most {MaxDays} days (e.g. from=2026-05-01&to=2026-05-31); got from='{from}', to='{to}'.");
        }

        if (format is not (null or "json" or "csv"))
        {
            return AdminJsonBody.Problem(StatusCodes.Status400BadRequest, InvalidRangeCode, "Invalid format", $"format is json or csv, not '{format}'.");
        }

        IReadOnlyList<FlowSla> selected;
        if (string.IsNullOrEmpty(flow))
        {
            selected = slas.All.OrderBy(s => s.FlowId, StringComparer.Ordinal).ToList();
        }
        else if (slas.Of(flow) is { Count: > 0 } ofFlow)
        {
            selected = ofFlow;
        }
        else
        {
            return AdminJsonBody.Problem(StatusCodes.Status404NotFound, NoSlaCode, "No SLA",
                $"No enabled flow '{flow}' has an SLA (Flows:{flow}:Sla); flows with one: {string.Join(", ", slas.All.Select(s => s.FlowId).Distinct().Order(StringComparer.Ordinal))}.");
        }

        var report = await evaluator.ReportAsync(selected, first, last, cancellationToken);
        var csv = format == "csv" || (format is null && context.Request.Headers.Accept.Any(a => a?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true));
        return csv
            ? new CsvDownload($"sla-{first:yyyy-MM-dd}-{last:yyyy-MM-dd}.csv", CsvHeader, Rows(report).ToAsyncEnumerable())
            : Results.Ok(report);
    }

    /// <summary>Months first (the figure reported upward), then days, per flow.</summary>
    private static IEnumerable<IReadOnlyList<string?>> Rows(SlaReport report) =>
        report.Flows.SelectMany(f => f.Months.Concat(f.Days).Select(p => (IReadOnlyList<string?>)
        [
            f.FlowId, f.Kind, p.Period, Number(p.Due), Number(p.OnTime), Number(p.Late), Number(p.OpenPastDeadline), Number(p.NotYetDue), Number(p.Discarded),
            p.ShareOnTime?.ToString("0.####", CultureInfo.InvariantCulture), f.Target,
        ]));

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static bool TryDay(string? text, DateOnly fallback, out DateOnly day)
    {
        if (text is null)
        {
            day = fallback;
            return true;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }
}
