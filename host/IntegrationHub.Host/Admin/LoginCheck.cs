namespace IntegrationHub.Host.Admin;

/// <summary>What <see cref="LoginThrottle"/> made of one login: verified, failed, or refused before any check (with
/// when to try again).</summary>
public sealed record LoginCheck(bool IsVerified, LoginRefusal Refusal, TimeSpan RetryAfter)
{
    public static LoginCheck Verified { get; } = new(true, LoginRefusal.None, TimeSpan.Zero);

    public static LoginCheck Failed { get; } = new(false, LoginRefusal.None, TimeSpan.Zero);

    public bool IsRefused => Refusal != LoginRefusal.None;

    public static LoginCheck Refused(TimeSpan retryAfter, LoginRefusal refusal) => new(false, refusal, retryAfter);
}
