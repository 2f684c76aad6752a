using System.Globalization;
using IntegrationHub.Connectors.NationalPortal.Mapping;
using Xunit;

namespace IntegrationHub.Connectors.Tests.NationalPortal;

public sealed class DvcqgDateFormatTests
{
    private static readonly TimeZoneInfo Vietnam = DvcqgDateFormat.ResolveTimeZone("Asia/Ho_Chi_Minh");

    [Theory]
    [InlineData("2025-03-01T00:00:00+07:00", "20250301000000")] // midnight: hh writes 12
    [InlineData("2025-03-01T12:00:00+07:00", "20250301120000")] // noon
    [InlineData("2025-03-01T13:05:09+07:00", "20250301130509")] // afternoon: hh writes 01
    [InlineData("2025-03-01T23:59:59+07:00", "20250301235959")]
    [InlineData("2025-03-01T17:00:00Z", "20250302000000")] // UTC evening is the next day in Hanoi
    [InlineData("2025-12-31T17:00:00Z", "20260101000000")] // ... and the next year
    [InlineData("2025-03-01T16:59:59Z", "20250301235959")]
    [InlineData("2025-03-01T08:30:00+09:00", "20250301063000")] // Tokyo
    [InlineData("2025-03-01T20:15:00-05:00", "20250302081500")] // New York
    [InlineData("2025-03-01T10:00:00.9999999+07:00", "20250301100000")] // fractions are dropped, not rounded up
    [InlineData("2025-03-01T10:00+07:00", "20250301100000")]
    [InlineData("2024-02-29T06:00:00+07:00", "20240229060000")]
    public void Iso_dates_become_portal_dates_in_Vietnam_time(string iso, string expected)
    {
        Assert.True(DvcqgDateFormat.TryFormatIso(iso, Vietnam, out var formatted));
        Assert.Equal(expected, formatted);
    }

    [Theory]
    [InlineData("2025-03-01T10:00:00")] // no offset: which clock?
    [InlineData("2025-03-01")]
    [InlineData("2025-13-01T10:00:00+07:00")]
    [InlineData("2025-02-29T10:00:00+07:00")]
    [InlineData("01/03/2025 10:00:00 +07:00")]
    [InlineData("20250301100000")]
    [InlineData("")]
    [InlineData(null)]
    public void Dates_that_are_not_ISO_with_an_offset_are_refused(string? text)
    {
        Assert.False(DvcqgDateFormat.TryFormatIso(text, Vietnam, out var formatted));
        Assert.Null(formatted);
    }

    [Fact]
    public void Formatting_ignores_the_current_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            // The Thai culture counts years in the Buddhist era (2568) unless the invariant culture is used.
            CultureInfo.CurrentCulture = new CultureInfo("th-TH");

            Assert.Equal("20250301153000", DvcqgDateFormat.Format(new DateTimeOffset(2025, 3, 1, 8, 30, 0, TimeSpan.Zero), Vietnam));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData("20250301000000", true)]
    [InlineData("20250301235959", true)]
    [InlineData("20240229120000", true)]
    [InlineData("20250229120000", false)]
    [InlineData("20250301240000", false)]
    [InlineData("2025030112000", false)]
    [InlineData("202503011200000", false)]
    [InlineData("2025-03-01 12:00", false)]
    [InlineData("２０２５０３０１１２００００", false)] // full-width digits
    [InlineData(null, false)]
    public void Portal_dates_are_14_digits_of_a_real_date_and_time(string? text, bool valid)
    {
        Assert.Equal(valid, DvcqgDateFormat.IsDvcqgDate(text));
    }

    [Fact]
    public void Vietnam_is_seven_hours_ahead_all_year()
    {
        Assert.Equal(TimeSpan.FromHours(7), Vietnam.GetUtcOffset(new DateTimeOffset(2025, 1, 15, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(TimeSpan.FromHours(7), Vietnam.GetUtcOffset(new DateTimeOffset(2025, 7, 15, 0, 0, 0, TimeSpan.Zero)));
    }
}
