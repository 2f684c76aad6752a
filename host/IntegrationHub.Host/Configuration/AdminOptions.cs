namespace IntegrationHub.Host.Configuration;

/// <summary>The login for the dashboard and admin API. The password is stored only as a hash
/// (<c>dotnet run --project host/IntegrationHub.Host -- hash-password</c> makes one).</summary>
public sealed class AdminOptions
{
    public string? Username { get; set; }

    public string? PasswordHash { get; set; }

    /// <summary>Development only: requests from loopback need no login.</summary>
    public bool AllowAnonymousLoopbackInDevelopment { get; set; } = true;
}
