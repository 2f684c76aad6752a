namespace IntegrationHub.Tests.Infrastructure;

/// <summary>The system clock moved forward on demand: a test can let minutes "pass" for what reads the wall clock
/// (login windows, the verified-login cache), while timers, delays and timestamps run in real time, so the rest of a
/// hub behaves as usual (a <c>FakeTimeProvider</c> would stop every timer of the hub).</summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
