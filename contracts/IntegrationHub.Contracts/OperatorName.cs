using Microsoft.AspNetCore.Http;

namespace IntegrationHub.Contracts;

/// <summary>Who is acting: the logged-in admin, or the loopback address of an anonymous Development request.</summary>
public static class OperatorName
{
    public static string Of(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : $"anonymous@{context.Connection.RemoteIpAddress}";
}
