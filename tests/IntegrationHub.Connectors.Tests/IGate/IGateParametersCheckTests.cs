using IntegrationHub.Connectors.IGate;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace IntegrationHub.Connectors.Tests.IGate;

public sealed class IGateParametersCheckTests
{
    private static async Task<CheckResult> CheckAsync(IGateOptions options)
    {
        using var http = new HttpClient();
        using var connector = new IGateConnector(options, http, NullLogger<IGateConnector>.Instance);
        return await connector.CheckAsync(CheckScope.Parameters, CancellationToken.None);
    }

    [Fact]
    public async Task Valid_options_pass()
    {
        var result = await CheckAsync(new IGateOptions { BaseUrl = "https://igate.example.gov.vn/", ApiKey = "secret" });

        Assert.True(result.Succeeded);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public async Task Missing_BaseUrl_is_reported()
    {
        var result = await CheckAsync(new IGateOptions { ApiKey = "secret" });

        Assert.False(result.Succeeded);
        Assert.Equal(["BaseUrl is required."], result.Problems);
    }

    [Fact]
    public async Task Missing_ApiKey_is_reported()
    {
        var result = await CheckAsync(new IGateOptions { BaseUrl = "https://igate.example.gov.vn/" });

        Assert.False(result.Succeeded);
        Assert.Equal(["ApiKey is required."], result.Problems);
    }

    [Theory]
    [InlineData("igate.example.gov.vn/api")]
    [InlineData("ftp://igate.example.gov.vn/")]
    [InlineData("/var/igate")]
    public async Task BaseUrl_must_be_absolute_http_or_https(string baseUrl)
    {
        var result = await CheckAsync(new IGateOptions { BaseUrl = baseUrl, ApiKey = "secret" });

        Assert.Equal([$"BaseUrl must be an absolute http or https URL, got '{baseUrl}'."], result.Problems);
    }

    [Fact]
    public async Task Every_problem_is_listed()
    {
        var result = await CheckAsync(new IGateOptions { BaseUrl = " ", ApiKey = "", BatchSize = 0 });

        Assert.Equal(["BaseUrl is required.", "ApiKey is required.", "BatchSize must be between 1 and 1000."], result.Problems);
    }

    [Fact]
    public void ToString_never_shows_the_api_key()
    {
        var text = new IGateOptions { BaseUrl = "https://igate.example.gov.vn/", ApiKey = "very-secret-key" }.ToString();

        Assert.DoesNotContain("very-secret-key", text, StringComparison.Ordinal);
        Assert.Contains("https://igate.example.gov.vn/", text, StringComparison.Ordinal);
    }
}
