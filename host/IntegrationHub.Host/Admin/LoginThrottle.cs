using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using IntegrationHub.Host.Configuration;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Host.Admin;

/// <summary>Rations password checks (PBKDF2, ~0.1 s of CPU each) before they are made, so a flood of wrong logins is
/// answered 429 at once instead of queueing hashes in front of the real admin:
/// <list type="bullet">
/// <item>each client address may cause <see cref="AdminOptions.LoginAttemptsPerAddress"/> checks per window, and only
/// one at a time (its others wait in its own queue, not in everyone's);</item>
/// <item>each user name may fail <see cref="AdminOptions.LoginFailuresPerUser"/> times per window, from all addresses
/// together. A failure is reserved right before the check, one check at a time, so no concurrency gets more checks
/// for a name than that; an address refused by its own limit spends nothing of it, and an address the name logged in
/// from lately is not refused by it (so knowing the name is not enough to lock its owner out);</item>
/// <item>at most <see cref="AdminOptions.MaxQueuedLoginChecks"/> checks wait for their turn in the whole process
/// (beyond, 429 for a second), so guesses spread over many addresses and names cannot queue long in front of a real
/// login.</item>
/// </list>
/// A login refused before its check gives its address's check back.</summary>
public sealed class LoginThrottle : IDisposable
{
    private static readonly TimeSpan BusyRetryAfter = TimeSpan.FromSeconds(1);

    private readonly ILogger<LoginThrottle> _logger;
    private readonly TimeSpan _window;
    private readonly int _maxQueued;
    private readonly LoginWindowCounter _checksPerAddress;
    private readonly LoginWindowCounter _failuresPerUser;
    private readonly KnownLoginAddresses _knownAddresses;
    private readonly PartitionedRateLimiter<string> _oneCheckPerAddress;

    /// <summary>One PBKDF2 check at a time in the whole process: even many addresses cost at most one core.</summary>
    private readonly SemaphoreSlim _hashing = new(1, 1);

    private int _queued;

    public LoginThrottle(IOptions<HubOptions> hubOptions, TimeProvider clock, ILogger<LoginThrottle> logger)
    {
        _logger = logger;
        var admin = hubOptions.Value.Admin;
        _window = admin.LoginLimitWindow;
        _maxQueued = admin.MaxQueuedLoginChecks;
        _checksPerAddress = new LoginWindowCounter(admin.LoginAttemptsPerAddress, admin.LoginLimitWindow, clock);
        _failuresPerUser = new LoginWindowCounter(admin.LoginFailuresPerUser, admin.LoginLimitWindow, clock);
        _knownAddresses = new KnownLoginAddresses(clock);
        _oneCheckPerAddress = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetConcurrencyLimiter(address, _ =>
            new ConcurrencyLimiterOptions { PermitLimit = 1, QueueLimit = admin.LoginAttemptsPerAddress, QueueProcessingOrder = QueueProcessingOrder.OldestFirst }));
    }

    /// <summary>Runs <paramref name="verify"/> (the expensive check) if this address and user name may still try.</summary>
    public async Task<LoginCheck> CheckAsync(IPAddress? address, string user, Func<bool> verify, CancellationToken cancellationToken)
    {
        var addressKey = AddressKey(address);
        var userKey = UserKey(user);
        var known = _knownAddresses.Contains(userKey, addressKey);

        // Only a look, taking nothing, so requests for a locked name are refused before they wait.
        if (!known && !_failuresPerUser.HasRoom(userKey, out var locked))
        {
            return LoginCheck.Refused(locked, LoginRefusal.UserName);
        }

        var check = _checksPerAddress.TryReserve(addressKey);
        if (!check.IsReserved)
        {
            return LoginCheck.Refused(check.TimeLeft, LoginRefusal.Address);
        }

        // Logged once, by the attempt that takes the last check, not once per refused request of a flood.
        if (check.Remaining == 0)
        {
            _logger.LogWarning("Login limit reached for client {Address}: its further logins are refused with 429 for up to {Window}.", addressKey, _window);
        }

        var outcome = await CheckInTurnAsync(addressKey, userKey, known, verify, cancellationToken);
        if (outcome.IsRefused)
        {
            _checksPerAddress.Release(addressKey, check.WindowStart);
        }

        return outcome;
    }

    public void Dispose()
    {
        _oneCheckPerAddress.Dispose();
        _hashing.Dispose();
    }

    private async Task<LoginCheck> CheckInTurnAsync(string addressKey, string userKey, bool known, Func<bool> verify, CancellationToken cancellationToken)
    {
        using var slot = await _oneCheckPerAddress.AcquireAsync(addressKey, 1, cancellationToken);
        if (!slot.IsAcquired)
        {
            return LoginCheck.Refused(BusyRetryAfter, LoginRefusal.Address);
        }

        // Each address has at most one check here; an address the name logged in from waits even when the queue is full
        // (behind at most the bound), the others come back later.
        if (Interlocked.Increment(ref _queued) > _maxQueued && !known)
        {
            Interlocked.Decrement(ref _queued);
            return LoginCheck.Refused(BusyRetryAfter, LoginRefusal.Busy);
        }

        try
        {
            await _hashing.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _queued);
        }

        try
        {
            // Reserved now, right before the check and one check at a time: however many logins for this name passed the
            // look above while waiting, no more checks fail for it per window than its budget.
            var failure = _failuresPerUser.TryReserve(userKey);
            if (!failure.IsReserved && !known)
            {
                return LoginCheck.Refused(failure.TimeLeft, LoginRefusal.UserName);
            }

            // On a thread of its own: ~0.1 s of blocking CPU on a pool thread would starve the requests around it.
            var verified = await Task.Factory.StartNew(verify, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            if (verified)
            {
                if (failure.IsReserved)
                {
                    _failuresPerUser.Release(userKey, failure.WindowStart);
                }

                _knownAddresses.Add(userKey, addressKey);
                return LoginCheck.Verified;
            }

            // Never the name or password typed: either may be a password.
            _logger.LogWarning("Wrong user name or password from client {Address}.", addressKey);
            if (failure.IsReserved && failure.Remaining == 0)
            {
                _logger.LogWarning(
                    "A user name reached its limit of wrong passwords (last from client {Address}): its logins are refused with 429 for up to {Window}, " +
                    "except from addresses it logged in from lately.", addressKey, _window);
            }

            return LoginCheck.Failed;
        }
        finally
        {
            _hashing.Release();
        }
    }

    /// <summary>The name typed is kept only as its hash: it may be long, or a password typed in the wrong field.</summary>
    /// <summary>Names are matched case-insensitively at login, so "Admin" and "ADMIN" share one budget of failures.</summary>
    private static string UserKey(string user) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(user.ToUpperInvariant())));

    /// <summary>An IPv6 client usually holds a whole /64, so that is one "address"; IPv4 (also when mapped) is itself.</summary>
    private static string AddressKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
