using Microsoft.Extensions.Time.Testing;

namespace IntegrationHub.Connectors.Tests.IGate;

internal static class IGateClock
{
    /// <summary>Midnight of Saturday 28 November 2026 in Vietnam (+07:00): a fixed clock, so every change made without
    /// advancing it shares one timestamp, the hard case for keyset pagination.</summary>
    public static FakeTimeProvider Fixed() => new(new DateTimeOffset(2026, 11, 27, 17, 0, 0, TimeSpan.Zero));
}
