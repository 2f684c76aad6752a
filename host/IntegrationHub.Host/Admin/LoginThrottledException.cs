namespace IntegrationHub.Host.Admin;

/// <summary>The authentication failure of a login refused by <see cref="LoginThrottle"/>; the challenge turns it into
/// 429 with Retry-After instead of 401.</summary>
public sealed class LoginThrottledException(LoginCheck check)
    : Exception(check.Refusal == LoginRefusal.UserName ? "Too many wrong passwords for this user name." : "Too many login attempts from this address.")
{
    public LoginCheck Check { get; } = check;
}
