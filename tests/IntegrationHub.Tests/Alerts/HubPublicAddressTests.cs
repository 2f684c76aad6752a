using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Tests.Alerts;

/// <summary>Links in mails lead where officials can go: Hub:PublicUrl when set, else the address the hub listens on,
/// never a bind-all address a browser cannot open.</summary>
public sealed class HubPublicAddressTests
{
    [Fact]
    public void The_public_url_is_used_when_set()
    {
        var address = Address(new HubOptions { PublicUrl = "https://hub.tinh.gov.vn/" }, "http://127.0.0.1:5080");

        Assert.Equal("https://hub.tinh.gov.vn/hangfire/dead-letters?flow=a", address.Link("/hangfire/dead-letters?flow=a"));
        Assert.Equal("https://hub.tinh.gov.vn/hangfire", address.Link(null));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", "http://127.0.0.1:5080/health/ready")]
    [InlineData("http://0.0.0.0:8080", "http://{machine}:8080/health/ready")]
    [InlineData("http://[::]:8080", "http://{machine}:8080/health/ready")]
    [InlineData("http://+:8080", "http://{machine}:8080/health/ready")]
    public void Without_it_the_listening_address_is_used_with_wildcards_named(string listening, string expected)
    {
        var address = Address(new HubOptions(), listening);

        Assert.Equal(expected.Replace("{machine}", Environment.MachineName.ToLowerInvariant(), StringComparison.Ordinal), address.Link("/health/ready"));
    }

    private static HubPublicAddress Address(HubOptions options, string listening) => new(Options.Create(options), new ListeningServer(listening));

    /// <summary>Only the listening addresses, as Kestrel reports them once bound.</summary>
    private sealed class ListeningServer : IServer
    {
        public ListeningServer(string address)
        {
            var addresses = new ServerAddressesFeature();
            addresses.Addresses.Add(address);
            Features.Set<IServerAddressesFeature>(addresses);
        }

        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
