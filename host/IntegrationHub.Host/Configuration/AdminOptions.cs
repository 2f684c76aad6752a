namespace IntegrationHub.Host.Configuration;

/// <summary>The logins for the dashboard and admin API: officers' accounts (<see cref="Users"/>), the single account of
/// earlier versions (<see cref="Username"/> and <see cref="PasswordHash"/>, which has every role), and optionally the
/// province's single sign-on (<see cref="Oidc"/>). Passwords are stored only as hashes
/// (<c>dotnet run --project host/IntegrationHub.Host -- hash-password</c> makes one).</summary>
public sealed class AdminOptions
{
    /// <summary>The single account of earlier versions: still works, with every role.</summary>
    public string? Username { get; set; }

    public string? PasswordHash { get; set; }

    /// <summary>Officers' own accounts, each with its roles.</summary>
    public List<AdminAccountOptions> Users { get; set; } = [];

    /// <summary>OpenID Connect sign-in against the province's SSO; on only when its Authority is set.</summary>
    public AdminOidcOptions Oidc { get; set; } = new();

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
