using System.Collections.Concurrent;

namespace IntegrationHub.Host.Admin;

/// <summary>Fingerprints of credentials that passed PBKDF2 recently.</summary>
public sealed class VerifiedCredentialCache(TimeProvider timeProvider)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _verified = new(StringComparer.Ordinal);

    public bool IsVerified(string fingerprint) =>
        _verified.TryGetValue(fingerprint, out var until) && until > timeProvider.GetUtcNow();

    public void Remember(string fingerprint)
    {
        if (_verified.Count > 1000)
        {
            _verified.Clear();
        }

        _verified[fingerprint] = timeProvider.GetUtcNow() + Lifetime;
    }
}
