namespace IntegrationHub.Host.Configuration;

/// <summary>The login for the dashboard and admin API. The password is stored only as a hash
/// (<c>dotnet run --project host/IntegrationHub.Host -- hash-password</c> makes one).</summary>
public sealed class AdminOptions
{
    public string? Username { get; set; }

    public string? PasswordHash { get; set; }

    /// <summary>Development only: requests from loopback need no login, if addressed to a loopback Host by a loopback
    /// page (or none) and not through a proxy.</summary>
    public bool AllowAnonymousLoopbackInDevelopment { get; set; } = true;

    /// <summary>Password checks one client address (an IPv6 /64) may cause per <see cref="LoginLimitWindow"/>; beyond
    /// it logins from there get 429 without a check. Logins already verified in the last minutes do not count.</summary>
    public int LoginAttemptsPerAddress { get; set; } = 10;

    /// <summary>Wrong passwords one user name may get per <see cref="LoginLimitWindow"/> from all addresses together;
    /// then 429 for that name, except from addresses it logged in from lately. Larger than
    /// <see cref="LoginAttemptsPerAddress"/>, so one address cannot lock it out.</summary>
    public int LoginFailuresPerUser { get; set; } = 50;

    /// <summary>Password checks that may wait for their turn (they run one at a time, ~0.1 s each) in the whole hub;
    /// beyond it a login gets 429 with Retry-After 1 s, so a real login never waits behind many guesses.</summary>
    public int MaxQueuedLoginChecks { get; set; } = 4;

    public TimeSpan LoginLimitWindow { get; set; } = TimeSpan.FromMinutes(15);
}
