using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using IntegrationHub.Host.Configuration;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Host.Admin;

/// <summary>Rations password checks (PBKDF2, ~0.1 s of CPU each) before they are made, so a flood of wrong logins is
/// answered 429 at once instead of queueing hundreds of hashes in front of the real admin:
/// <list type="bullet">
/// <item>each client address may cause <see cref="AdminOptions.LoginAttemptsPerAddress"/> checks per window, and only
/// one at a time (its others wait in its own queue, not in everyone's);</item>
/// <item>each user name may fail <see cref="AdminOptions.LoginFailuresPerUser"/> times per window, from all addresses
/// together. Only checks that ran and failed count: an address refused by its own limit spends nothing of the
/// user's budget, so one flooding address cannot lock the admin out from another.</item>
/// </list>
/// The limiters of System.Threading.RateLimiting keep their own clock (they take no TimeProvider).</summary>
public sealed class LoginThrottle : IDisposable
{
    private static readonly TimeSpan BusyRetryAfter = TimeSpan.FromSeconds(1);

    private readonly ILogger<LoginThrottle> _logger;
    private readonly TimeSpan _window;
    private readonly PartitionedRateLimiter<string> _checksPerAddress;
    private readonly PartitionedRateLimiter<string> _oneCheckPerAddress;
    private readonly PartitionedRateLimiter<string> _failuresPerUser;

    /// <summary>One PBKDF2 check at a time in the whole process: even many addresses cost at most one core.</summary>
    private readonly SemaphoreSlim _hashing = new(1, 1);

    public LoginThrottle(IOptions<HubOptions> hubOptions, ILogger<LoginThrottle> logger)
    {
        _logger = logger;
        var admin = hubOptions.Value.Admin;
        _window = admin.LoginLimitWindow;
        _checksPerAddress = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = admin.LoginAttemptsPerAddress, Window = admin.LoginLimitWindow, QueueLimit = 0 }));
        _oneCheckPerAddress = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetConcurrencyLimiter(address, _ =>
            new ConcurrencyLimiterOptions { PermitLimit = 1, QueueLimit = admin.LoginAttemptsPerAddress, QueueProcessingOrder = QueueProcessingOrder.OldestFirst }));
        _failuresPerUser = PartitionedRateLimiter.Create<string, string>(user => RateLimitPartition.GetFixedWindowLimiter(user, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = admin.LoginFailuresPerUser, Window = admin.LoginLimitWindow, QueueLimit = 0 }));
    }

    /// <summary>Runs <paramref name="verify"/> (the expensive check) if this address and user name may still try.</summary>
    public async Task<LoginCheck> CheckAsync(IPAddress? address, string user, Func<bool> verify, CancellationToken cancellationToken)
    {
        var key = AddressKey(address);
        using var attempt = _checksPerAddress.AttemptAcquire(key);
        if (!attempt.IsAcquired)
        {
            return LoginCheck.Refused(RetryAfter(attempt), LoginRefusal.Address);
        }

        // Logged once, by the attempt that takes the last check, not once per refused request of a flood.
        if (_checksPerAddress.GetStatistics(key)?.CurrentAvailablePermits == 0)
        {
            _logger.LogWarning("Login limit reached for client {Address}: its further logins are refused with 429 for up to {Window}.", key, _window);
        }

        // Zero permits: only asks whether the user name has failures left, spending none.
        using (var budget = _failuresPerUser.AttemptAcquire(user, 0))
        {
            if (!budget.IsAcquired)
            {
                return LoginCheck.Refused(RetryAfter(budget), LoginRefusal.UserName);
            }
        }

        using var slot = await _oneCheckPerAddress.AcquireAsync(key, 1, cancellationToken);
        if (!slot.IsAcquired)
        {
            return LoginCheck.Refused(BusyRetryAfter, LoginRefusal.Address);
        }

        bool verified;
        await _hashing.WaitAsync(cancellationToken);
        try
        {
            // On a thread of its own: ~0.1 s of blocking CPU on a pool thread would starve the requests around it.
            verified = await Task.Factory.StartNew(verify, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        finally
        {
            _hashing.Release();
        }

        if (!verified)
        {
            _failuresPerUser.AttemptAcquire(user).Dispose();
            if (_failuresPerUser.GetStatistics(user)?.CurrentAvailablePermits == 0)
            {
                // Not the name itself: it is whatever the caller typed.
                _logger.LogWarning("A user name reached its limit of wrong passwords (last from client {Address}): its logins are refused with 429 for up to {Window}.", key, _window);
            }
        }

        return verified ? LoginCheck.Verified : LoginCheck.Failed;
    }

    public void Dispose()
    {
        _checksPerAddress.Dispose();
        _oneCheckPerAddress.Dispose();
        _failuresPerUser.Dispose();
        _hashing.Dispose();
    }

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

    private static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero ? retryAfter : BusyRetryAfter;
}
