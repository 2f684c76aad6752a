using IntegrationHub.Connectors.ECopy;
using IntegrationHub.Connectors.Example;
using IntegrationHub.Connectors.Kit;
using Xunit;

namespace IntegrationHub.Connectors.Tests.Kit;

public sealed class ApiKeyConnectorOptionsTests
{
    [Fact]
    public void Every_problem_of_the_shared_settings_is_listed()
    {
        var problems = OptionsValidation.Problems(new ExampleOptions { BaseUrl = "not a url", ApiKey = "", PageSize = 0 });

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("BaseUrl", StringComparison.Ordinal));
        Assert.Contains("ApiKey is required.", problems);
        Assert.Contains("PageSize must be between 1 and 1000.", problems);
    }

    [Fact]
    public void The_key_never_appears_when_options_are_written_out_and_a_connector_keeps_its_own_page_size_and_settings()
    {
        var options = new ECopyOptions { BaseUrl = "https://ecopy.example.gov.vn/", ApiKey = "secret-key-1234" };

        var text = options.ToString();

        Assert.Equal(50, options.PageSize);
        Assert.DoesNotContain("secret-key-1234", text, StringComparison.Ordinal);
        Assert.Equal("ECopyOptions { BaseUrl = https://ecopy.example.gov.vn/, DownloadTimeout = 00:05:00, PageSize = 50, ApiKey = *** }", text);
        Assert.Contains("ApiKey = (not set)", new ExampleOptions().ToString(), StringComparison.Ordinal);
    }
}
