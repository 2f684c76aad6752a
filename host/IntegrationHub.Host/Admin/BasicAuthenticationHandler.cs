using System.Globalization;
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
/// remembered by their SHA-256 for a few minutes, because PBKDF2 per request would cost ~100 ms of CPU; every other
/// check is rationed per client address and user name by <see cref="LoginThrottle"/> before it runs (429 when refused).</summary>
public sealed class BasicAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<HubOptions> hubOptions,
    VerifiedCredentialCache cache,
    LoginThrottle throttle)
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
        if (!(userMatches && cache.IsVerified(fingerprint)))
        {
            // The password is checked even for a wrong user name (non-short-circuit &), so timing does not tell names apart.
            var check = await throttle.CheckAsync(
                Context.Connection.RemoteIpAddress, user, () => AdminPasswordHasher.Verify(admin.PasswordHash, password) & userMatches, Context.RequestAborted);
            if (check.IsRefused)
            {
                return AuthenticateResult.Fail(new LoginThrottledException(check));
            }

            if (!check.IsVerified)
            {
                return AuthenticateResult.Fail("Wrong user or password.");
            }

            cache.Remember(fingerprint);
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if ((await HandleAuthenticateOnceSafeAsync()).Failure is LoginThrottledException throttled)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(throttled.Check.RetryAfter.TotalSeconds));
            Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await Results.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many login attempts",
                detail: $"{throttled.Message} No password was checked; try again in {seconds} s.",
                extensions: new Dictionary<string, object?> { ["code"] = "too_many_login_attempts" }).ExecuteAsync(Context);
            return;
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Basic realm=\"IntegrationHub\", charset=\"UTF-8\"";
    }
}
