using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace IntegrationHub.Connectors.NationalPortal.Sandbox;

/// <summary>Sessions handed out by the sandbox's login, each valid for the configured lifetime.</summary>
internal sealed class SandboxSessionStore(NationalPortalSandboxOptions options, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _expiries = new(StringComparer.Ordinal);

    public string Open()
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _expiries[token] = timeProvider.GetUtcNow() + options.SessionLifetime;
        return token;
    }

    public bool IsValid(string? token)
    {
        if (token is null || !_expiries.TryGetValue(token, out var expiry))
        {
            return false;
        }

        if (timeProvider.GetUtcNow() < expiry)
        {
            return true;
        }

        _expiries.TryRemove(token, out _);
        return false;
    }
}
