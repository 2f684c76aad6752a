using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using IntegrationHub.Host.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Host.Admin;

/// <summary>HTTP Basic login against the configured admin user and password hash. Verified credentials are
/// remembered by their SHA-256 for a few minutes, because PBKDF2 per request would cost ~100 ms of CPU.</summary>
public sealed class BasicAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<HubOptions> hubOptions,
    VerifiedCredentialCache cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "HubBasic";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var admin = hubOptions.Value.Admin;
        string header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header) || !AuthenticationHeaderValue.TryParse(header, out var value) ||
            !string.Equals(value.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || value.Parameter is null)
        {
            return AuthenticateResult.NoResult();
        }

        if (string.IsNullOrWhiteSpace(admin.Username) || string.IsNullOrWhiteSpace(admin.PasswordHash))
        {
            return AuthenticateResult.Fail("No admin login is configured.");
        }

        string user, password;
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                return AuthenticateResult.Fail("Malformed Basic credentials.");
            }

            (user, password) = (decoded[..colon], decoded[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return AuthenticateResult.Fail("Malformed Basic credentials.");
        }

        // Hashes of equal length, so the comparison's time says nothing about the user name's length.
        var userMatches = CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(user)), SHA256.HashData(Encoding.UTF8.GetBytes(admin.Username)));
        var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{admin.PasswordHash}\n{user}\n{password}")));
        var passwordMatches = cache.IsVerified(fingerprint) || (await VerifyAsync(admin.PasswordHash, password) && cache.Remember(fingerprint));
        if (!userMatches || !passwordMatches)
        {
            return AuthenticateResult.Fail("Wrong user or password.");
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    private async Task<bool> VerifyAsync(string hash, string password)
    {
        await cache.VerificationGate.WaitAsync(Context.RequestAborted);
        try
        {
            return AdminPasswordHasher.Verify(hash, password);
        }
        finally
        {
            cache.VerificationGate.Release();
        }
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Basic realm=\"IntegrationHub\", charset=\"UTF-8\"";
        return Task.CompletedTask;
    }
}
