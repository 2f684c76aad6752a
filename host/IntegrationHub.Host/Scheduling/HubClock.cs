using System.Globalization;
using IntegrationHub.Host.Configuration;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Host.Scheduling;

/// <summary>The hub's time as its operators read it: now from the injected <see cref="TimeProvider"/>, shown in the
/// configured zone (<c>Hub:Scheduling:DefaultTimeZone</c>, Asia/Ho_Chi_Minh), with the offset, so a time on a page is
/// never mistaken for UTC.</summary>
public sealed class HubClock(TimeProvider timeProvider, IOptions<HubOptions> options)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.Scheduling.DefaultTimeZone);

    public TimeZoneInfo Zone => _zone;

    public DateTimeOffset Now => timeProvider.GetUtcNow();

    public DateTimeOffset ToLocal(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, _zone);

    /// <summary><c>2025-11-28 09:30:00</c> in the zone.</summary>
    public string Format(DateTimeOffset at) => ToLocal(at).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The zone as a column heading says it: <c>UTC+07:00</c> (the offset now; Vietnam has no daylight saving).</summary>
    public string ZoneLabel => "UTC" + ToLocal(Now).ToString("zzz", CultureInfo.InvariantCulture);

    /// <summary>How long since <paramref name="at"/>, never negative (another host's clock may run a little ahead).</summary>
    public TimeSpan Since(DateTimeOffset at) => Now - at is var elapsed && elapsed > TimeSpan.Zero ? elapsed : TimeSpan.Zero;

    /// <summary>A duration as <c>1:02:03</c>, or <c>2 d 01:02:03</c> from a day on.</summary>
    public static string Duration(TimeSpan span) =>
        span.TotalDays >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays} d {span:hh\\:mm\\:ss}")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}:{span:mm\\:ss}");
}
