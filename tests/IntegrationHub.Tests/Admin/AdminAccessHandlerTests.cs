using System.Net;
using IntegrationHub.Host.Admin;
using IntegrationHub.Host.Configuration;
using Microsoft.Extensions.FileProviders;
using Xunit;

namespace IntegrationHub.Tests.Admin;

public sealed class AdminAccessHandlerTests
{
    [Theory]
    [InlineData("Development", "127.0.0.1", true, true)]
    [InlineData("Development", "::1", true, true)]
    [InlineData("Development", "203.0.113.9", true, false)]
    [InlineData("Development", "10.1.2.3", true, false)]
    [InlineData("Development", "127.0.0.1", false, false)]
    [InlineData("Production", "127.0.0.1", true, false)]
    [InlineData("Staging", "127.0.0.1", true, false)]
    public void Anonymous_access_is_only_for_loopback_in_development(string environment, string remote, bool allowedByConfig, bool expected)
    {
        var allowed = AdminAccessHandler.IsAnonymousLoopbackAllowed(
            new TestEnvironment(environment), new AdminOptions { AllowAnonymousLoopbackInDevelopment = allowedByConfig }, IPAddress.Parse(remote));
        Assert.Equal(expected, allowed);
    }

    [Fact]
    public void A_request_without_a_peer_address_is_not_loopback() =>
        Assert.False(AdminAccessHandler.IsAnonymousLoopbackAllowed(new TestEnvironment("Development"), new AdminOptions(), null));

    private sealed class TestEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "tests";

        public string ContentRootPath { get; set; } = "/";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
