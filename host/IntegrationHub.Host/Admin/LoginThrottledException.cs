namespace IntegrationHub.Host.Admin;

/// <summary>The authentication failure of a login refused by <see cref="LoginThrottle"/>; the challenge turns it into
/// 429 with Retry-After instead of 401.</summary>
public sealed class LoginThrottledException(LoginCheck check)
    : Exception(check.Refusal switch
    {
        LoginRefusal.UserName => "Too many wrong passwords for this user name.",
        LoginRefusal.Busy => "Too many logins are being checked at the moment.",
        _ => "Too many login attempts from this address.",
    })
{
    public LoginCheck Check { get; } = check;
}
