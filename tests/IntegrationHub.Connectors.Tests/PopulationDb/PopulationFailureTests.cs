using IntegrationHub.Connectors.PopulationDb;
using IntegrationHub.Contracts;
using Xunit;

namespace IntegrationHub.Connectors.Tests.PopulationDb;

public sealed class PopulationFailureTests
{
    [Theory]
    [InlineData(PopulationDbSandboxFault.SoapFault, "POPDB-FAULT")]
    [InlineData(PopulationDbSandboxFault.ServerError, "POPDB-HTTP")]
    [InlineData(PopulationDbSandboxFault.Timeout, "POPDB-TIMEOUT")]
    [InlineData(PopulationDbSandboxFault.SystemError, "POPDB-99")]
    public async Task A_fault_that_persists_is_Transient_after_one_attempt_plus_the_retries(PopulationDbSandboxFault fault, string code)
    {
        await using var rig = await PopulationTestRig.StartAsync();
        rig.Sandbox.FailNext(fault, 10);
        var connector = rig.Connector(rig.Options(retryCount: 2));

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => connector.VerifyAsync(PopulationTestRig.QueryFor(rig.Sandbox.KnownCitizen()), CancellationToken.None));

        Assert.Equal((FailureKind.Transient, code), (ex.Failure.Kind, ex.Failure.Code));
        Assert.Equal(3, rig.Sandbox.RequestCount);
    }

    [Theory]
    [InlineData(PopulationDbSandboxFault.SoapFault)]
    [InlineData(PopulationDbSandboxFault.ServerError)]
    [InlineData(PopulationDbSandboxFault.Timeout)]
    [InlineData(PopulationDbSandboxFault.SystemError)]
    public async Task A_passing_fault_is_retried_and_the_second_attempt_answers(PopulationDbSandboxFault fault)
    {
        await using var rig = await PopulationTestRig.StartAsync();
        rig.Sandbox.FailNext(fault);
        var citizen = rig.Sandbox.KnownCitizen(3);

        var result = await rig.Connector().VerifyAsync(PopulationTestRig.QueryFor(citizen), CancellationToken.None);

        Assert.Equal(CitizenVerificationKind.Match, result.Kind);
        Assert.Equal(2, rig.Sandbox.RequestCount);
        Assert.Contains("retrying", rig.Log.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_auth_fault_is_Config_and_not_retried()
    {
        await using var rig = await PopulationTestRig.StartAsync();
        rig.Sandbox.FailNext(PopulationDbSandboxFault.AuthFault);

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => rig.Connector().VerifyAsync(PopulationTestRig.QueryFor(rig.Sandbox.KnownCitizen()), CancellationToken.None));

        Assert.Equal((FailureKind.Config, "POPDB-AUTH"), (ex.Failure.Kind, ex.Failure.Code));
        Assert.Equal(1, rig.Sandbox.RequestCount);
    }

    [Fact]
    public async Task A_wrong_api_key_is_Config()
    {
        await using var rig = await PopulationTestRig.StartAsync();
        var options = rig.Options();
        options.ApiKey = "wrong";

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => rig.Connector(options).VerifyAsync(PopulationTestRig.QueryFor(rig.Sandbox.KnownCitizen()), CancellationToken.None));

        Assert.Equal((FailureKind.Config, "POPDB-AUTH"), (ex.Failure.Kind, ex.Failure.Code));
    }

    [Fact]
    public async Task An_unknown_integration_code_is_Config()
    {
        await using var rig = await PopulationTestRig.StartAsync();
        var options = rig.Options();
        options.MaTichHop = "OTHER";

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => rig.Connector(options).VerifyAsync(PopulationTestRig.QueryFor(rig.Sandbox.KnownCitizen()), CancellationToken.None));

        Assert.Equal((FailureKind.Config, "POPDB-03"), (ex.Failure.Kind, ex.Failure.Code));
        Assert.Equal(1, rig.Sandbox.RequestCount);
    }

    [Fact]
    public async Task A_malformed_id_is_Permanent()
    {
        await using var rig = await PopulationTestRig.StartAsync();

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => rig.Connector().VerifyAsync(new CitizenQuery("12345", "Ai Đó", new DateOnly(1990, 1, 1)), CancellationToken.None));

        Assert.Equal((FailureKind.Permanent, "POPDB-02"), (ex.Failure.Kind, ex.Failure.Code));
    }

    [Fact]
    public async Task A_refused_connection_is_Transient()
    {
        var port = IntegrationHub.Connectors.Tests.IGate.FreePort.Closed();
        var options = new PopulationDbOptions { BaseUrl = $"http://127.0.0.1:{port}/", ApiKey = "k", MaTichHop = "m", RetryCount = 1, RetryDelay = TimeSpan.Zero, Timeout = TimeSpan.FromSeconds(2) };
        using var connector = new PopulationDbConnector(options, TimeProvider.System, new CapturingLogger<PopulationDbConnector>());

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => connector.VerifyAsync(new CitizenQuery("056190000001", "Ai Đó", new DateOnly(1990, 1, 1)), CancellationToken.None));

        Assert.Equal(FailureKind.Transient, ex.Failure.Kind);
        Assert.StartsWith("POPDB-", ex.Failure.Code, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_a_failure()
    {
        await using var rig = await PopulationTestRig.StartAsync();
        rig.Sandbox.FailNext(PopulationDbSandboxFault.Timeout);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => rig.Connector().VerifyAsync(PopulationTestRig.QueryFor(rig.Sandbox.KnownCitizen()), cts.Token));
    }
}
