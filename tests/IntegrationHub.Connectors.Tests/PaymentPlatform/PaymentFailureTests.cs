using IntegrationHub.Connectors.Sandboxing;
using IntegrationHub.Contracts;
using Xunit;

namespace IntegrationHub.Connectors.Tests.PaymentPlatform;

/// <summary>Faults injected by the sandbox come out of every call as classified <see cref="ConnectorException"/>s.</summary>
public sealed class PaymentFailureTests
{
    private static void Always(SandboxFaultOptions faults, SandboxFaultKind kind)
    {
        faults.FailureRate = 1;
        faults.ServerErrorWeight = kind == SandboxFaultKind.ServerError ? 1 : 0;
        faults.TooManyRequestsWeight = kind == SandboxFaultKind.TooManyRequests ? 1 : 0;
        faults.TimeoutWeight = kind == SandboxFaultKind.Timeout ? 1 : 0;
        faults.SlowWeight = 0;
        faults.MalformedWeight = kind == SandboxFaultKind.Malformed ? 1 : 0;
    }

    [Theory]
    [InlineData(SandboxFaultKind.ServerError, "PAYMENT-HTTP-500")]
    [InlineData(SandboxFaultKind.TooManyRequests, "PAYMENT-HTTP-429")]
    [InlineData(SandboxFaultKind.Malformed, "PAYMENT-MALFORMED")]
    public async Task Faults_are_transient_on_every_call(SandboxFaultKind kind, string code)
    {
        await using var rig = await PaymentTestRig.StartAsync();
        await rig.CreatePaymentAsync("FL-001");
        Always(rig.Sandbox.Faults, kind);
        var connector = rig.Connector();

        var failures = new[]
        {
            await Assert.ThrowsAsync<ConnectorException>(() => connector.InitAsync(PaymentRequests.For("FL-002"), CancellationToken.None)),
            await Assert.ThrowsAsync<ConnectorException>(() => connector.QueryAsync("FL-001", CancellationToken.None)),
            await Assert.ThrowsAsync<ConnectorException>(() => connector.GetBillAsync("FL-001", CancellationToken.None)),
            await Assert.ThrowsAsync<ConnectorException>(() => connector.GetStatementAsync(new DateOnly(2026, 11, 28), CancellationToken.None)),
        };

        Assert.All(failures, f => Assert.Equal((FailureKind.Transient, code), (f.Failure.Kind, f.Failure.Code)));
    }

    [Fact]
    public async Task Too_many_requests_carries_retry_after()
    {
        await using var rig = await PaymentTestRig.StartAsync(o => { Always(o.Faults, SandboxFaultKind.TooManyRequests); o.Faults.RetryAfterSeconds = 7; });

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => rig.Connector().QueryAsync("FL-003", CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(7), ex.Failure.RetryAfter);
    }

    [Fact]
    public async Task A_timeout_is_transient()
    {
        await using var rig = await PaymentTestRig.StartAsync(o => Always(o.Faults, SandboxFaultKind.Timeout), httpTimeout: TimeSpan.FromMilliseconds(300));

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => rig.Connector().InitAsync(PaymentRequests.For("FL-004"), CancellationToken.None));

        Assert.Equal((FailureKind.Transient, "PAYMENT-TIMEOUT"), (ex.Failure.Kind, ex.Failure.Code));
    }

    [Fact]
    public async Task An_unreachable_platform_is_transient()
    {
        await using var rig = await PaymentTestRig.StartAsync();

        var ex = await Assert.ThrowsAsync<ConnectorException>(() =>
            rig.Connector(baseUrl: $"http://127.0.0.1:{IGate.FreePort.Closed()}/").QueryAsync("FL-005", CancellationToken.None));

        Assert.Equal((FailureKind.Transient, "PAYMENT-NETWORK"), (ex.Failure.Kind, ex.Failure.Code));
    }

    [Fact]
    public async Task A_wrong_base_path_is_a_config_failure()
    {
        await using var rig = await PaymentTestRig.StartAsync();

        var ex = await Assert.ThrowsAsync<ConnectorException>(() =>
            rig.Connector(baseUrl: new Uri(rig.BaseAddress, "wrong/").ToString()).QueryAsync("FL-006", CancellationToken.None));

        Assert.Equal((FailureKind.Config, "PAYMENT-HTTP-404"), (ex.Failure.Kind, ex.Failure.Code));
    }

    [Fact]
    public async Task Caller_cancellation_is_thrown_not_classified()
    {
        await using var rig = await PaymentTestRig.StartAsync(o => Always(o.Faults, SandboxFaultKind.Timeout));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => rig.Connector().QueryAsync("FL-007", cts.Token));
    }

    [Fact]
    public async Task Connectivity_check_passes_and_fails_by_secret_and_reachability()
    {
        await using var rig = await PaymentTestRig.StartAsync();

        var good = await rig.Connector().CheckAsync(CheckScope.Connectivity, CancellationToken.None);
        var badSecret = await rig.Connector(secretKey: "wrong").CheckAsync(CheckScope.Connectivity, CancellationToken.None);
        var down = await rig.Connector(baseUrl: $"http://127.0.0.1:{IGate.FreePort.Closed()}/").CheckAsync(CheckScope.Connectivity, CancellationToken.None);

        Assert.True(good.Succeeded, string.Join(" ", good.Problems));
        Assert.False(badSecret.Succeeded);
        Assert.Contains("SecretKey", Assert.Single(badSecret.Problems), StringComparison.Ordinal);
        Assert.False(down.Succeeded);
    }
}
