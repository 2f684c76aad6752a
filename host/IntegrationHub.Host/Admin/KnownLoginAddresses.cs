namespace IntegrationHub.Host.Admin;

/// <summary>The client addresses each user name logged in from lately, so that others' wrong passwords for a name (its
/// lockout) do not shut its owner out of the places they work from. Only a verified login adds an address, so only real
/// user names are kept and no attacker can make an address known.</summary>
internal sealed class KnownLoginAddresses(TimeProvider clock)
{
    /// <summary>Long enough to cover an officer's holidays, not a whole career of dynamic addresses.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    private const int AddressesPerUser = 100;
    private readonly Dictionary<string, Dictionary<string, DateTimeOffset>> _lastLogins = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public bool Contains(string user, string address)
    {
        lock (_lock)
        {
            return _lastLogins.TryGetValue(user, out var addresses) && addresses.TryGetValue(address, out var at) && at + Lifetime > clock.GetUtcNow();
        }
    }

    public void Add(string user, string address)
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            if (!_lastLogins.TryGetValue(user, out var addresses))
            {
                addresses = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
                _lastLogins[user] = addresses;
            }

            addresses[address] = now;
            if (addresses.Count > AddressesPerUser)
            {
                addresses.Remove(addresses.MinBy(a => a.Value).Key);
            }
        }
    }
}
