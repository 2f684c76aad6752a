namespace IntegrationHub.Host.Admin;

/// <summary>Counts uses per key in fixed windows: a key's window opens at its first use and lasts <c>window</c>, and
/// holds at most <c>limit</c> uses. Unlike the fixed-window limiter of System.Threading.RateLimiting it reads the
/// injected clock, tells the time left in a window (the limiter's Retry-After is always a whole window) and takes a use
/// back, so a login can reserve a failure before its check and return it when the password was right.</summary>
internal sealed class LoginWindowCounter(int limit, TimeSpan window, TimeProvider clock)
{
    private readonly Dictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    public LoginWindowReservation TryReserve(string key)
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            var current = Current(key, now);
            var reserved = current.Count < limit;
            if (reserved)
            {
                current.Count++;
            }

            return new LoginWindowReservation(reserved, limit - current.Count, current.Start, current.Start + window - now);
        }
    }

    /// <summary>Whether <paramref name="key"/> has a use left in its window, taking none; if not, the time until it has.</summary>
    public bool HasRoom(string key, out TimeSpan timeLeft)
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            timeLeft = TimeSpan.Zero;
            if (_windows.TryGetValue(key, out var current) && current.Start + window > now && current.Count >= limit)
            {
                timeLeft = current.Start + window - now;
                return false;
            }

            return true;
        }
    }

    /// <summary>Gives back a use <see cref="TryReserve"/> took, unless its window has closed since.</summary>
    public void Release(string key, DateTimeOffset windowStart)
    {
        lock (_lock)
        {
            if (_windows.TryGetValue(key, out var current) && current.Start == windowStart && current.Count > 0)
            {
                current.Count--;
            }
        }
    }

    private Window Current(string key, DateTimeOffset now)
    {
        // Closed windows are dropped once per window length, so the keys kept are at most those used in two windows.
        if (now >= _nextSweep)
        {
            foreach (var (closedKey, _) in _windows.Where(w => w.Value.Start + window <= now).ToList())
            {
                _windows.Remove(closedKey);
            }

            _nextSweep = now + window;
        }

        if (!_windows.TryGetValue(key, out var current) || current.Start + window <= now)
        {
            current = new Window(now);
            _windows[key] = current;
        }

        return current;
    }

    private sealed class Window(DateTimeOffset start)
    {
        public DateTimeOffset Start { get; } = start;

        public int Count { get; set; }
    }
}
