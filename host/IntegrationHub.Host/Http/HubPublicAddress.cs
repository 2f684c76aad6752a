using IntegrationHub.Host.Configuration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Host.Http;

/// <summary>The address officials reach the hub at, for links that leave it (alert e-mails): <c>Hub:PublicUrl</c>, or
/// without it the first address the hub listens on (a wildcard host replaced by this machine's name).</summary>
public sealed class HubPublicAddress(IOptions<HubOptions> options, IServer server)
{
    /// <summary>An absolute link to a hub path such as <c>/hangfire/dead-letters?flow=x</c>.</summary>
    public string Link(string? path)
    {
        var root = Root().TrimEnd('/');
        if (string.IsNullOrEmpty(path))
        {
            return root + "/hangfire";
        }

        return path.StartsWith('/') ? root + path : root + "/" + path;
    }

    private string Root()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.PublicUrl))
        {
            return options.Value.PublicUrl;
        }

        var first = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                    ?? options.Value.Http.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()
                    ?? "http://localhost";
        if (!Uri.TryCreate(first.Replace("://+", "://*", StringComparison.Ordinal).Replace("://*", "://wildcard", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return first;
        }

        // 0.0.0.0, [::] or a wildcard are bind addresses, not places a browser can go.
        var host = uri.Host is "wildcard" or "0.0.0.0" or "[::]" or "::" ? Environment.MachineName.ToLowerInvariant() : uri.Host;
        return new UriBuilder(uri) { Host = host }.Uri.GetLeftPart(UriPartial.Authority);
    }
}
