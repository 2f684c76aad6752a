using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Maintenance;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationHub.Tests.Maintenance;

/// <summary>A recurring window's occurrence in force or next, in the hub's zone (UTC+7), across midnight, days of the
/// week, a week's end and a year's end; and what a configured window may not be.</summary>
public sealed class RecurringMaintenanceWindowTests
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
    private static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    [Fact]
    public void A_nightly_window_across_midnight_is_next_tonight_before_it_and_in_force_after_midnight()
    {
        var window = Window(new RecurringMaintenanceOptions { Days = ["Daily"], Start = "23:30", End = "01:00", Reason = "nightly" });
        var clock = new FakeTimeProvider(Local(2026, 12, 5, 22, 0));

        var next = window.OccurrenceAt(clock.GetUtcNow(), Zone);
        Assert.Equal((Local(2026, 12, 5, 23, 30), Local(2026, 12, 6, 1, 0)), (next.From, next.To));
        Assert.False(next.Covers(clock.GetUtcNow()));

        // Past midnight the occurrence that started yesterday is in force until 01:00.
        clock.SetUtcNow(Local(2026, 12, 6, 0, 30));
        var current = window.OccurrenceAt(clock.GetUtcNow(), Zone);
        Assert.Equal((Local(2026, 12, 5, 23, 30), Local(2026, 12, 6, 1, 0)), (current.From, current.To));
        Assert.True(current.Covers(clock.GetUtcNow()));
        Assert.Equal("nightly", current.Reason);
        Assert.Equal(MaintenanceWindow.Recurring, current.Kind);

        // At its end exactly it is over: the next is tonight's.
        clock.SetUtcNow(Local(2026, 12, 6, 1, 0));
        Assert.Equal(Local(2026, 12, 6, 23, 30), window.OccurrenceAt(clock.GetUtcNow(), Zone).From);
    }

    [Fact]
    public void A_Saturday_night_window_lasts_into_Sunday_and_is_next_the_following_Saturday()
    {
        // 2026-12-05 is a Saturday.
        var window = Window(new RecurringMaintenanceOptions { Days = ["Sat"], Start = "22:00", End = "02:00", Reason = "weekly" });
        var clock = new FakeTimeProvider(Local(2026, 12, 6, 1, 59));
        Assert.Equal((Local(2026, 12, 5, 22, 0), Local(2026, 12, 6, 2, 0)), Span(window.OccurrenceAt(clock.GetUtcNow(), Zone)));

        clock.SetUtcNow(Local(2026, 12, 6, 2, 0));
        Assert.Equal((Local(2026, 12, 12, 22, 0), Local(2026, 12, 13, 2, 0)), Span(window.OccurrenceAt(clock.GetUtcNow(), Zone)));

        // From a Tuesday: this week's Saturday.
        clock.SetUtcNow(Local(2026, 12, 8, 12, 0));
        Assert.Equal(Local(2026, 12, 12, 22, 0), window.OccurrenceAt(clock.GetUtcNow(), Zone).From);
    }

    [Fact]
    public void A_weekday_window_skips_the_weekend_and_crosses_the_year_end()
    {
        // 2027-01-01 is a Friday; the window starts Monday to Friday at 12:00 local, which is 05:00 UTC.
        var window = Window(new RecurringMaintenanceOptions { Days = ["Monday", "Tue", "wednesday", "Thu", "Fri"], Start = "12:00", End = "12:30", Reason = "noon" });
        var clock = new FakeTimeProvider(Local(2026, 12, 31, 12, 45));
        Assert.Equal((Local(2027, 1, 1, 12, 0), Local(2027, 1, 1, 12, 30)), Span(window.OccurrenceAt(clock.GetUtcNow(), Zone)));

        clock.SetUtcNow(Local(2027, 1, 1, 13, 0));
        Assert.Equal((Local(2027, 1, 4, 12, 0), Local(2027, 1, 4, 12, 30)), Span(window.OccurrenceAt(clock.GetUtcNow(), Zone)));
        Assert.Equal(new DateTimeOffset(2027, 1, 4, 5, 0, 0, TimeSpan.Zero), window.OccurrenceAt(clock.GetUtcNow(), Zone).From.ToUniversalTime());
    }

    [Fact]
    public void A_window_ending_at_midnight_crosses_it_and_a_disabled_window_is_ignored()
    {
        var window = Window(new RecurringMaintenanceOptions { Start = "22:00", End = "00:00", Reason = "to midnight" });
        Assert.True(window.CrossesMidnight);
        var now = Local(2026, 12, 5, 23, 0);
        Assert.Equal((Local(2026, 12, 5, 22, 0), Local(2026, 12, 6, 0, 0)), Span(window.OccurrenceAt(now, Zone)));

        var problems = new List<string>();
        Assert.Null(RecurringMaintenanceWindow.Parse("igate", "Connectors:igate:Maintenance:0", new RecurringMaintenanceOptions { Enabled = false, Start = "x" }, problems));
        Assert.Empty(problems);
    }

    [Fact]
    public void Bad_days_times_an_empty_window_and_a_missing_reason_are_named_with_the_connector_and_the_window()
    {
        var problems = new List<string>();
        Assert.Null(RecurringMaintenanceWindow.Parse("national-portal", "Connectors:national-portal:Maintenance:1",
            new RecurringMaintenanceOptions { Days = ["Mon", "Caturday"], Start = "25:00", End = "1:00pm", Reason = " " }, problems));
        Assert.Equal(
            [
                "Connectors:national-portal:Maintenance:1 of connector 'national-portal': Days: 'Caturday' is not a day of the week (Monday or Mon ... Sunday or Sun, or Daily).",
                "Connectors:national-portal:Maintenance:1 of connector 'national-portal': Start '25:00' is not a local time HH:mm.",
                "Connectors:national-portal:Maintenance:1 of connector 'national-portal': End '1:00pm' is not a local time HH:mm.",
                "Connectors:national-portal:Maintenance:1 of connector 'national-portal': Reason is required (it is shown to operators while the window lasts).",
            ],
            problems);

        problems.Clear();
        Assert.Null(RecurringMaintenanceWindow.Parse("igate", "Connectors:igate:Maintenance:0", new RecurringMaintenanceOptions { Start = "02:00", End = "02:00", Reason = "r" }, problems));
        Assert.Equal(["Connectors:igate:Maintenance:0 of connector 'igate': Start and End are equal: a window needs a length (an End before the Start crosses midnight)."], problems);
    }

    private static RecurringMaintenanceWindow Window(RecurringMaintenanceOptions options)
    {
        var problems = new List<string>();
        var window = RecurringMaintenanceWindow.Parse("national-portal", "Connectors:national-portal:Maintenance:0", options, problems);
        Assert.Empty(problems);
        return window!;
    }

    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, Offset);

    private static (DateTimeOffset From, DateTimeOffset To) Span(MaintenanceWindow window) => (window.From, window.To);
}
