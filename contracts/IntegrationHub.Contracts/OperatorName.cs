using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace IntegrationHub.Contracts;

/// <summary>Who is acting, as audit records name them: the signed-in officer (<c>Display Name (username)</c> when the
/// account has a display name, else the username), or the loopback address of an anonymous Development request.</summary>
public static class OperatorName
{
    /// <summary>The claim the host gives an officer's display name in (the login's name is the identity's name).</summary>
    public const string DisplayNameClaim = "hub:display_name";

    public static string Of(HttpContext context) => Of(context.User) ?? $"anonymous@{context.Connection.RemoteIpAddress}";

    /// <returns>Null when nobody is signed in.</returns>
    public static string? Of(ClaimsPrincipal user)
    {
        if (user.Identity is not { IsAuthenticated: true, Name: { Length: > 0 } name })
        {
            return null;
        }

        var display = user.FindFirst(DisplayNameClaim)?.Value;
        return string.IsNullOrWhiteSpace(display) || display == name ? name : $"{display} ({name})";
    }
}
