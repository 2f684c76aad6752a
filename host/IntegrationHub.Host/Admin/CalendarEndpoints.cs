using System.Globalization;
using IntegrationHub.Contracts;
using IntegrationHub.Host.Calendar;
using IntegrationHub.Host.Configuration;

namespace IntegrationHub.Host.Admin;

/// <summary><c>GET /api/calendar?year=YYYY</c>: the national working-day calendar's special days of a year — holidays,
/// compensatory and decided days off, working Saturdays — as the hub counts working days with them.</summary>
public static class CalendarEndpoints
{
    public const string InvalidYearCode = "invalid_year";

    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/calendar", Days)
            .RequireAuthorization(AdminAccessRequirement.PolicyName)
            .WithTags("Calendar").WithName("getCalendar")
            .WithSummary("A year's holidays, compensatory and decided days off and working Saturdays (Vietnamese working-day calendar)")
            .Produces<IReadOnlyList<CalendarDay>>()
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, InvalidYearCode);
        return app;
    }

    /// <param name="year">A year from 2021 (Labour Code 2019) to 2100, e.g. <c>2026</c>.</param>
    /// <param name="calendars">The hub's calendars.</param>
    private static IResult Days(string? year, WorkingCalendars calendars) =>
        int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && year!.Length == 4 && WorkingCalendars.IsSupportedYear(number)
            ? Results.Ok(calendars.WorkingDays.DaysOf(number))
            : AdminJsonBody.Problem(StatusCodes.Status400BadRequest, InvalidYearCode, "Invalid year",
                $"year must be a year from {CalendarOptions.FirstYear} to {CalendarOptions.LastYear} (e.g. year=2026), not '{year}'.");
}
