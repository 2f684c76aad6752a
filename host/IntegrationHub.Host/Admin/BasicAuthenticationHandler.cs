using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Host.Admin;

/// <summary>HTTP Basic login against the configured accounts (<see cref="OfficerAccounts"/>); the officer's roles become
/// role claims (<see cref="OfficerPrincipal"/>). Verified credentials are
/// remembered by their SHA-256 for a few minutes, because PBKDF2 per request would cost ~100 ms of CPU; every other
/// check is rationed per client address and user name by <see cref="LoginThrottle"/> before it runs (429 when refused).</summary>
public sealed class BasicAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    OfficerAccounts accounts,
    VerifiedCredentialCache cache,
    LoginThrottle throttle)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "HubBasic";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header) || !AuthenticationHeaderValue.TryParse(header, out var value) ||
            !string.Equals(value.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || value.Parameter is null)
        {
            return AuthenticateResult.NoResult();
        }

        if (accounts.IsEmpty)
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

        // A name that is no account is checked against another account's hash (and fails), so timing does not tell names apart.
        var account = accounts.Find(user);
        var hash = account?.PasswordHash ?? accounts.DecoyHash!;
        var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{hash}\n{user}\n{password}")));
        if (!(account is not null && cache.IsVerified(fingerprint)))
        {
            var check = await throttle.CheckAsync(
                Context.Connection.RemoteIpAddress, user, () => AdminPasswordHasher.Verify(hash, password) & account is not null, Context.RequestAborted);
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

        var principal = OfficerPrincipal.Create(account!.Username, account.DisplayName, account.Roles, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
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
