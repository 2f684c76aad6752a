using System.Net;
using Microsoft.Extensions.Primitives;

namespace IntegrationHub.Host.Admin;

/// <summary>Whether a request is from this machine, addressed to this machine, and sent by a page of this machine: the
/// only kind Development lets in without a login. A loopback peer alone proves nothing: a DNS-rebinding page
/// (<c>Host: evil.example</c>, resolved to 127.0.0.1) and a reverse proxy on the same machine both arrive from loopback.</summary>
public static class LoopbackRequest
{
    /// <summary>Headers a proxy adds (and the <c>X-Original-*</c> the forwarded-headers middleware leaves after applying
    /// them): their presence means someone else may be behind the loopback peer.</summary>
    private static readonly string[] ForwardingHeaders =
    [
        "Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-Prefix",
        "X-Original-For", "X-Original-Host", "X-Original-Proto", "X-Real-IP", "Via",
    ];

    public static bool IsLocal(HttpContext context)
    {
        var request = context.Request;
        return context.Connection.RemoteIpAddress is { } peer && IPAddress.IsLoopback(peer) &&
            IsLoopbackHost(request.Host.Host) &&
            !ForwardingHeaders.Any(request.Headers.ContainsKey) &&
            AreLoopbackPages(request.Headers.Origin) && AreLoopbackPages(request.Headers.Referer);
    }

    /// <summary><c>localhost</c>, an address in 127.0.0.0/8, or <c>[::1]</c>; never a name DNS could point anywhere.</summary>
    public static bool IsLoopbackHost(string? host)
    {
        if (string.IsNullOrEmpty(host))
        {
            return false;
        }

        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var literal = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return IPAddress.TryParse(literal, out var address) && IPAddress.IsLoopback(address);
    }

    // Absent is fine (curl, the dashboard's own links may send none); "null" or another site is not.
    private static bool AreLoopbackPages(StringValues values) =>
        values.All(v => Uri.TryCreate(v, UriKind.Absolute, out var page) && IsLoopbackHost(page.Host));
}
