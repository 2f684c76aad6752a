using IntegrationHub.Contracts;
using Xunit;

namespace IntegrationHub.Connectors.Tests.IGate;

public sealed class IGateConnectivityCheckTests
{
    [Fact]
    public async Task Good_key_reaches_igate()
    {
        await using var rig = await IGateTestRig.StartAsync();

        var result = await rig.Connector().CheckAsync(CheckScope.Connectivity, CancellationToken.None);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
    }

    [Fact]
    public async Task Wrong_key_is_a_config_failure()
    {
        await using var rig = await IGateTestRig.StartAsync();

        var result = await rig.Connector(apiKey: "wrong-key").CheckAsync(CheckScope.Connectivity, CancellationToken.None);

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Problems);
        Assert.StartsWith("Config failure IGATE-401:", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-key", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_igate_is_a_transient_failure()
    {
        await using var rig = await IGateTestRig.StartAsync();

        var result = await rig.Connector(baseUrl: $"http://127.0.0.1:{FreePort.Closed()}/").CheckAsync(CheckScope.Connectivity, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.StartsWith("Transient failure IGATE-NETWORK:", Assert.Single(result.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_parameters_are_reported_without_a_call()
    {
        await using var rig = await IGateTestRig.StartAsync();

        var result = await rig.Connector(apiKey: "").CheckAsync(CheckScope.Connectivity, CancellationToken.None);

        Assert.Equal(["ApiKey is required."], result.Problems);
    }
}
