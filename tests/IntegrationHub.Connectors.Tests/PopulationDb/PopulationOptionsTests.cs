using IntegrationHub.Connectors.PopulationDb;
using IntegrationHub.Connectors.PopulationDb.Citizens;
using IntegrationHub.Connectors.Tests.IGate;
using IntegrationHub.Contracts;
using Xunit;

namespace IntegrationHub.Connectors.Tests.PopulationDb;

public sealed class PopulationOptionsTests
{
    private static PopulationDbOptions Valid() => new() { BaseUrl = "https://lgsp.example.gov.vn/", ApiKey = "key", MaTichHop = "TICHHOP-56" };

    private static async Task<CheckResult> CheckAsync(PopulationDbOptions options)
    {
        using var connector = new PopulationDbConnector(options, TimeProvider.System, new CapturingLogger<PopulationDbConnector>());
        return await connector.CheckAsync(CheckScope.Parameters, CancellationToken.None);
    }

    [Fact]
    public async Task Valid_options_pass_with_the_defaults()
    {
        var options = Valid();

        var result = await CheckAsync(options);

        Assert.True(result.Succeeded);
        Assert.Equal((TimeSpan.FromSeconds(10), 2, TimeSpan.FromMilliseconds(500)), (options.Timeout, options.RetryCount, options.RetryDelay));
    }

    [Fact]
    public async Task Every_problem_is_listed_with_a_clear_message()
    {
        var result = await CheckAsync(new PopulationDbOptions { BaseUrl = "lgsp.example.gov.vn", Timeout = TimeSpan.Zero, RetryCount = 11, RetryDelay = TimeSpan.FromMinutes(2) });

        Assert.Equal(
            [
                "BaseUrl must be an absolute http or https URL, got 'lgsp.example.gov.vn'.",
                "ApiKey is required.",
                "MaTichHop is required.",
                "Timeout must be between 50 ms and 5 minutes.",
                "RetryCount must be between 0 and 10.",
                "RetryDelay must be between 0 and 1 minute.",
            ],
            result.Problems);
    }

    [Fact]
    public async Task A_missing_BaseUrl_is_reported_once()
    {
        var options = Valid();
        options.BaseUrl = "";

        var result = await CheckAsync(options);

        Assert.Equal(["BaseUrl is required."], result.Problems);
    }

    [Fact]
    public async Task Lookups_with_invalid_options_fail_as_config_without_a_request()
    {
        using var connector = new PopulationDbConnector(new PopulationDbOptions(), TimeProvider.System, new CapturingLogger<PopulationDbConnector>());

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => connector.VerifyAsync(new CitizenQuery("056190000001", "Ai Đó", new DateOnly(1990, 1, 1)), CancellationToken.None));

        Assert.Equal((FailureKind.Config, "POPDB-CONFIG"), (ex.Failure.Kind, ex.Failure.Code));
    }

    [Fact]
    public void ToString_never_shows_the_api_key()
    {
        var text = Valid().ToString() + new PopulationDbSandboxOptions { ApiKey = "key" };

        Assert.DoesNotContain("key,", text, StringComparison.Ordinal);
        Assert.DoesNotContain("= key", text, StringComparison.Ordinal);
        Assert.Contains("TICHHOP-56", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sandbox_refuses_to_start_with_invalid_options()
    {
        await using var sandbox = new PopulationDbSandbox(new PopulationDbSandboxOptions { CitizenCount = 0, ProvinceCode = "56" });

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => sandbox.StartAsync(CancellationToken.None));

        Assert.Equal(
            "Sandboxes:population-db options are invalid: CitizenCount must be between 1 and 1000000. ProvinceCode must be 3 digits. ApiKey is required. MaTichHop is required.",
            ex.Message);
    }

    [Fact]
    public void AddPopulationDb_registers_connector_sandbox_and_citizen_verification()
    {
        var hub = new RecordingHubBuilder();

        new PopulationDbModule().Register(hub);

        Assert.Equal(
            [
                ("connector", "population-db", typeof(PopulationDbConnector), typeof(PopulationDbOptions)),
                ("sandbox", "population-db", typeof(PopulationDbSandbox), typeof(PopulationDbSandboxOptions)),
                ("enricher", string.Empty, typeof(CitizenVerificationEnricher), typeof(void)),
                ("endpoints", string.Empty, typeof(void), typeof(void)),
                ("page", string.Empty, typeof(CitizenLookupsPage), typeof(void)),
                ("action", string.Empty, typeof(CitizenRevealAction), typeof(void)),
            ],
            hub.Registrations);
    }
}
