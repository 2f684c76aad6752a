using System.Net;
using IntegrationHub.Host.Admin;
using IntegrationHub.Host.Configuration;
using Microsoft.AspNetCore.Http;
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
            new TestEnvironment(environment), new AdminOptions { AllowAnonymousLoopbackInDevelopment = allowedByConfig }, Request(remote, "127.0.0.1:5080"));
        Assert.Equal(expected, allowed);
    }

    [Fact]
    public void A_request_without_a_peer_address_is_not_loopback() =>
        Assert.False(AdminAccessHandler.IsAnonymousLoopbackAllowed(new TestEnvironment("Development"), new AdminOptions(), new DefaultHttpContext()));

    [Theory]
    [InlineData("localhost", true)]
    [InlineData("LocalHost", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.45.6.7", true)]
    [InlineData("[::1]", true)]
    [InlineData("evil.example", false)]
    [InlineData("127.0.0.1.nip.io", false)]
    [InlineData("localhost.evil.example", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("192.168.1.10", false)]
    [InlineData("", false)]
    public void Only_a_loopback_name_or_address_is_a_loopback_host(string host, bool expected) =>
        Assert.Equal(expected, LoopbackRequest.IsLoopbackHost(host));

    [Theory]
    [InlineData("evil.example:5080", null, null, null)]
    [InlineData("127.0.0.1:5080", "Origin", "http://evil.example:5080", null)]
    [InlineData("127.0.0.1:5080", "Origin", "null", null)]
    [InlineData("localhost:5080", "Referer", "http://evil.example/page", null)]
    [InlineData("127.0.0.1:5080", "X-Forwarded-For", "127.0.0.1", null)]
    [InlineData("127.0.0.1:5080", "Forwarded", "for=127.0.0.1", null)]
    [InlineData("127.0.0.1:5080", "X-Forwarded-Host", "127.0.0.1:5080", null)]
    [InlineData("127.0.0.1:5080", "X-Original-For", "127.0.0.1:40000", null)]
    [InlineData("localhost:5080", "Origin", "http://localhost:5080", "allowed")]
    [InlineData("[::1]:5080", "Referer", "http://[::1]:5080/hangfire", "allowed")]
    public void A_loopback_peer_is_anonymous_only_with_a_loopback_host_and_page_and_no_proxy(string host, string? header, string? value, string? allowed)
    {
        var context = Request("127.0.0.1", host);
        if (header is not null)
        {
            context.Request.Headers[header] = value;
        }

        Assert.Equal(allowed is not null, AdminAccessHandler.IsAnonymousLoopbackAllowed(new TestEnvironment("Development"), new AdminOptions(), context));
    }

    private static DefaultHttpContext Request(string remote, string host)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        context.Request.Host = new HostString(host);
        return context;
    }

    private sealed class TestEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "tests";

        public string ContentRootPath { get; set; } = "/";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
