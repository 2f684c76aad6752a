using System.Collections.Concurrent;

namespace IntegrationHub.Host.Admin;

/// <summary>Fingerprints of credentials that passed PBKDF2 recently.</summary>
public sealed class VerifiedCredentialCache(TimeProvider timeProvider)
{
    /// <summary>One PBKDF2 check at a time: a flood of wrong passwords costs at most one core.</summary>
    public SemaphoreSlim VerificationGate { get; } = new(1, 1);

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _verified = new(StringComparer.Ordinal);

    public bool IsVerified(string fingerprint) =>
        _verified.TryGetValue(fingerprint, out var until) && until > timeProvider.GetUtcNow();

    public bool Remember(string fingerprint)
    {
        if (_verified.Count > 1000)
        {
            _verified.Clear();
        }

        _verified[fingerprint] = timeProvider.GetUtcNow() + Lifetime;
        return true;
    }
}
