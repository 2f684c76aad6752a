using IntegrationHub.Connectors.Sandboxing;
using IntegrationHub.Contracts;
using Xunit;
using static IntegrationHub.Connectors.Tests.IGate.NationalProcedurePayloads;

namespace IntegrationHub.Connectors.Tests.IGate;

/// <summary>Whole-call failures: thrown as <see cref="ConnectorException"/>, classified, never retried by the connector.</summary>
public sealed class IGateWriteFailureTests
{
    private static void Always(SandboxFaultOptions faults, SandboxFaultKind kind)
    {
        faults.FailureRate = 1;
        faults.ServerErrorWeight = kind == SandboxFaultKind.ServerError ? 1 : 0;
        faults.TooManyRequestsWeight = kind == SandboxFaultKind.TooManyRequests ? 1 : 0;
        faults.TimeoutWeight = kind == SandboxFaultKind.Timeout ? 1 : 0;
        faults.SlowWeight = kind == SandboxFaultKind.Slow ? 1 : 0;
        faults.MalformedWeight = kind == SandboxFaultKind.Malformed ? 1 : 0;
    }

    [Fact]
    public async Task Server_error_is_transient_and_made_one_call()
    {
        await using var rig = await IGateTestRig.StartAsync(o => Always(o.Faults, SandboxFaultKind.ServerError));

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => rig.Connector().WriteAsync("procedures", Batch(3), CancellationToken.None));

        Assert.Equal(FailureKind.Transient, ex.Failure.Kind);
        Assert.Equal("IGATE-HTTP-500", ex.Failure.Code);
        Assert.Equal(1, rig.Sandbox.FaultCounts()[SandboxFaultKind.ServerError]);
        Assert.Equal(0, rig.Sandbox.Stats().ItemsReceived);
    }

    [Fact]
    public async Task Too_many_requests_is_transient_and_carries_retry_after()
    {
        await using var rig = await IGateTestRig.StartAsync(o =>
        {
            Always(o.Faults, SandboxFaultKind.TooManyRequests);
            o.Faults.RetryAfterSeconds = 7;
        });

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => rig.Connector().WriteAsync("procedures", Batch(3), CancellationToken.None));

        Assert.Equal(FailureKind.Transient, ex.Failure.Kind);
        Assert.Equal("IGATE-HTTP-429", ex.Failure.Code);
        Assert.Equal(TimeSpan.FromSeconds(7), ex.Failure.RetryAfter);
    }

    [Fact]
    public async Task A_malformed_reply_is_transient()
    {
        await using var rig = await IGateTestRig.StartAsync(o => Always(o.Faults, SandboxFaultKind.Malformed));

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => rig.Connector().WriteAsync("procedures", Batch(3), CancellationToken.None));

        Assert.Equal(FailureKind.Transient, ex.Failure.Kind);
        Assert.Equal("IGATE-MALFORMED", ex.Failure.Code);
    }

    [Fact]
    public async Task A_timeout_is_transient()
    {
        await using var rig = await IGateTestRig.StartAsync(o => Always(o.Faults, SandboxFaultKind.Timeout), httpTimeout: TimeSpan.FromMilliseconds(300));

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => rig.Connector().WriteAsync("procedures", Batch(3), CancellationToken.None));

        Assert.Equal(FailureKind.Transient, ex.Failure.Kind);
        Assert.Equal("IGATE-TIMEOUT", ex.Failure.Code);
    }

    [Fact]
    public async Task An_unreachable_igate_is_transient()
    {
        await using var rig = await IGateTestRig.StartAsync();
        var connector = rig.Connector(baseUrl: $"http://127.0.0.1:{FreePort.Closed()}/");

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => connector.WriteAsync("procedures", Batch(3), CancellationToken.None));

        Assert.Equal(FailureKind.Transient, ex.Failure.Kind);
        Assert.Equal("IGATE-NETWORK", ex.Failure.Code);
    }

    [Fact]
    public async Task A_wrong_api_key_is_a_config_failure()
    {
        await using var rig = await IGateTestRig.StartAsync();

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => rig.Connector(apiKey: "wrong").WriteAsync("procedures", Batch(3), CancellationToken.None));

        Assert.Equal(FailureKind.Config, ex.Failure.Kind);
        Assert.Equal("IGATE-401", ex.Failure.Code);
        Assert.Equal(0, rig.Sandbox.Stats().ItemsReceived);
    }

    [Fact]
    public async Task Another_client_error_is_permanent()
    {
        await using var rig = await IGateTestRig.StartAsync();
        var connector = rig.Connector(baseUrl: new Uri(rig.BaseAddress, "no-such-root/").ToString());

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => connector.WriteAsync("procedures", Batch(3), CancellationToken.None));

        Assert.Equal(FailureKind.Permanent, ex.Failure.Kind);
        Assert.Equal("IGATE-HTTP-404", ex.Failure.Code);
    }

    [Fact]
    public async Task Cancellation_during_the_call_propagates()
    {
        await using var rig = await IGateTestRig.StartAsync(o => o.Faults.Latency = TimeSpan.FromSeconds(30));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => rig.Connector().WriteAsync("procedures", Batch(3), cts.Token));
    }

    [Fact]
    public async Task A_cancelled_token_propagates_before_any_call()
    {
        await using var rig = await IGateTestRig.StartAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => rig.Connector().WriteAsync("procedures", Batch(3), new CancellationToken(canceled: true)));
        Assert.Equal(0, rig.Sandbox.Stats().BatchRequests);
    }
}
