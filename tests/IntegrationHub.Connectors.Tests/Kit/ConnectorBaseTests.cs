using IntegrationHub.Connectors.Kit;
using IntegrationHub.Connectors.Tests.IGate;
using IntegrationHub.Connectors.Example;
using IntegrationHub.Connectors.Example.Sandbox;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace IntegrationHub.Connectors.Tests.Kit;

/// <summary>What <see cref="ConnectorBase{TOptions}"/> gives a connector: its spec, the parameters check listing every
/// bad option, the connectivity check, and the Config failures for bad options and unknown streams.</summary>
public sealed class ConnectorBaseTests
{
    private static ExampleConnector Connector(string baseUrl, string apiKey, int pageSize) =>
        new(new ExampleOptions { BaseUrl = baseUrl, ApiKey = apiKey, PageSize = pageSize }, new HttpClient(), NullLogger<ExampleConnector>.Instance);

    [Fact]
    public void The_spec_is_the_identity_the_streams_and_the_options_type()
    {
        using var connector = Connector("http://127.0.0.1/", "k", 10);

        Assert.Equal(("example", "1.0.0", typeof(ExampleOptions)), (connector.Spec.Id, connector.Spec.Version, connector.Spec.OptionsType));
        Assert.Equal([("records", StreamDirection.Source), ("entries", StreamDirection.Destination)], connector.Spec.Streams.Select(s => (s.Name, s.Direction)));
    }

    [Fact]
    public async Task The_parameters_check_lists_every_bad_option_in_order_and_calls_nobody()
    {
        using var connector = Connector("not a url", string.Empty, 0);

        var parameters = await connector.CheckAsync(CheckScope.Parameters, CancellationToken.None);
        var connectivity = await connector.CheckAsync(CheckScope.Connectivity, CancellationToken.None);

        Assert.Equal(
            ["BaseUrl must be an absolute http or https URL, got 'not a url'.", "ApiKey is required.", "PageSize must be between 1 and 1000."],
            parameters.Problems);
        Assert.Equal(parameters.Problems, connectivity.Problems);
        Assert.Null(connectivity.Failure);
    }

    [Fact]
    public void Bad_options_fail_a_read_as_config_with_every_problem()
    {
        using var connector = Connector("http://127.0.0.1/", string.Empty, 0);

        var ex = Assert.Throws<ConnectorException>(() => connector.ReadAsync(ExampleConnector.RecordsStream, null, CancellationToken.None));

        Assert.Equal((FailureKind.Config, "EXAMPLE-CONFIG"), (ex.Failure.Kind, ex.Failure.Code));
        Assert.Equal("ApiKey is required. PageSize must be between 1 and 1000.", ex.Failure.Message);
    }

    [Theory]
    [InlineData(true, "entries", "Example has no source stream 'entries'; it reads 'records'.")]
    [InlineData(false, "records", "Example has no destination stream 'records'; it writes 'entries'.")]
    public async Task A_stream_the_connector_does_not_have_is_config_naming_those_it_has(bool reading, string stream, string message)
    {
        using var connector = Connector("http://127.0.0.1/", "k", 10);

        var ex = reading
            ? Assert.Throws<ConnectorException>(() => connector.ReadAsync(stream, null, CancellationToken.None))
            : await Assert.ThrowsAsync<ConnectorException>(() => connector.WriteAsync(stream, [], CancellationToken.None));

        Assert.Equal((FailureKind.Config, "EXAMPLE-STREAM", message), (ex.Failure.Kind, ex.Failure.Code, ex.Failure.Message));
    }

    [Fact]
    public async Task Connectivity_succeeds_against_the_sandbox_and_a_wrong_key_fails_with_the_counterpartys_code()
    {
        await using var rig = await ExampleRig.StartAsync();

        var good = await rig.Connector().CheckAsync(CheckScope.Connectivity, CancellationToken.None);
        var wrongKey = await rig.Connector(apiKey: "wrong").CheckAsync(CheckScope.Connectivity, CancellationToken.None);

        Assert.True(good.Succeeded, string.Join(" ", good.Problems));
        Assert.StartsWith("Config failure DENIED: Example refused the credentials (HTTP 401)", Assert.Single(wrongKey.Problems), StringComparison.Ordinal);
        Assert.Equal((FailureKind.Config, "DENIED"), (wrongKey.Failure!.Kind, wrongKey.Failure.Code));
    }

    [Fact]
    public async Task Connectivity_to_a_counterparty_that_is_down_is_a_transient_failure()
    {
        using var connector = Connector($"http://127.0.0.1:{FreePort.Closed()}/", "k", 10);

        var result = await connector.CheckAsync(CheckScope.Connectivity, CancellationToken.None);

        Assert.StartsWith("Transient failure EXAMPLE-NETWORK:", Assert.Single(result.Problems), StringComparison.Ordinal);
        Assert.Equal(FailureKind.Transient, result.Failure!.Kind);
    }
}
