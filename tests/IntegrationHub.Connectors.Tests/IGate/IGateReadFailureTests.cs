using IntegrationHub.Connectors.Sandboxing;
using IntegrationHub.Contracts;
using Xunit;

namespace IntegrationHub.Connectors.Tests.IGate;

/// <summary>Read failures: thrown as classified <see cref="ConnectorException"/>s, like the write path's.</summary>
public sealed class IGateReadFailureTests
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

    private static async Task<ConnectorException> ReadFails(IGateTestRig rig, string stream = "dossiers", SourceCheckpoint? checkpoint = null, string? baseUrl = null, string apiKey = IGateTestRig.ApiKey) =>
        await Assert.ThrowsAsync<ConnectorException>(() => IGateTestRig.ReadAllAsync(rig.Connector(apiKey, baseUrl), stream, checkpoint));

    [Theory]
    [InlineData(SandboxFaultKind.ServerError, "IGATE-HTTP-500")]
    [InlineData(SandboxFaultKind.TooManyRequests, "IGATE-HTTP-429")]
    [InlineData(SandboxFaultKind.Malformed, "IGATE-MALFORMED")]
    public async Task Faults_are_transient(SandboxFaultKind kind, string code)
    {
        await using var rig = await IGateTestRig.StartAsync(o => Always(o.Faults, kind));
        rig.Sandbox.Dossiers.Generate(5, 1);

        var dossiers = await ReadFails(rig);
        var progress = await ReadFails(rig, "progress");

        Assert.Equal((FailureKind.Transient, code), (dossiers.Failure.Kind, dossiers.Failure.Code));
        Assert.Equal((FailureKind.Transient, code), (progress.Failure.Kind, progress.Failure.Code));
    }

    [Fact]
    public async Task A_fault_after_some_pages_keeps_what_was_read_resumable()
    {
        await using var rig = await IGateTestRig.StartAsync(timeProvider: IGateClock.Fixed());
        rig.Sandbox.Dossiers.Generate(100, 1);
        var items = new List<SourceItem>();

        var ex = await Assert.ThrowsAsync<ConnectorException>(async () =>
        {
            await foreach (var item in rig.Connector(batchSize: 30).ReadAsync("dossiers", null, CancellationToken.None))
            {
                items.Add(item);
                if (items.OfType<SourceCheckpoint>().Count() == 2)
                {
                    Always(rig.Sandbox.Faults, SandboxFaultKind.ServerError);
                }
            }
        });
        rig.Sandbox.Faults.FailureRate = 0;
        var rest = await IGateTestRig.ReadAllAsync(rig.Connector(batchSize: 30), "dossiers", items.OfType<SourceCheckpoint>().Last());

        Assert.Equal(FailureKind.Transient, ex.Failure.Kind);
        Assert.Equal(
            rig.Sandbox.Dossiers.Codes().Order(StringComparer.Ordinal),
            items.Concat(rest).OfType<SourceRecord>().Select(r => r.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_timeout_is_transient()
    {
        await using var rig = await IGateTestRig.StartAsync(o => Always(o.Faults, SandboxFaultKind.Timeout), httpTimeout: TimeSpan.FromMilliseconds(300));

        var ex = await ReadFails(rig);

        Assert.Equal((FailureKind.Transient, "IGATE-TIMEOUT"), (ex.Failure.Kind, ex.Failure.Code));
    }

    [Fact]
    public async Task An_unreachable_igate_is_transient()
    {
        await using var rig = await IGateTestRig.StartAsync();

        var ex = await ReadFails(rig, baseUrl: $"http://127.0.0.1:{FreePort.Closed()}/");

        Assert.Equal((FailureKind.Transient, "IGATE-NETWORK"), (ex.Failure.Kind, ex.Failure.Code));
    }

    [Fact]
    public async Task A_wrong_api_key_is_a_config_failure()
    {
        await using var rig = await IGateTestRig.StartAsync();

        var ex = await ReadFails(rig, "progress", apiKey: "wrong");

        Assert.Equal((FailureKind.Config, "IGATE-401"), (ex.Failure.Kind, ex.Failure.Code));
    }

    [Theory]
    [InlineData("procedures")]
    [InlineData("payments")]
    [InlineData("")]
    public async Task A_stream_igate_does_not_read_is_a_config_failure(string stream)
    {
        await using var rig = await IGateTestRig.StartAsync();

        var ex = await ReadFails(rig, stream);

        Assert.Equal((FailureKind.Config, "IGATE-STREAM"), (ex.Failure.Kind, ex.Failure.Code));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"nextPage\":3}")]
    [InlineData("{\"since\":\"yesterday\",\"afterId\":\"x\"}")]
    [InlineData("{\"since\":\"2026-11-28T00:00:00+07:00\"}")]
    [InlineData("{\"since\":\"2026-11-28T00:00:00+07:00\",\"afterId\":\"\"}")]
    [InlineData("[]")]
    [InlineData("null")]
    public async Task A_bad_checkpoint_is_a_config_failure(string state)
    {
        await using var rig = await IGateTestRig.StartAsync();

        var ex = await ReadFails(rig, checkpoint: new SourceCheckpoint(state));

        Assert.Equal((FailureKind.Config, "IGATE-CHECKPOINT"), (ex.Failure.Kind, ex.Failure.Code));
        Assert.Contains(state, ex.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_options_are_a_config_failure()
    {
        await using var rig = await IGateTestRig.StartAsync();

        var ex = await ReadFails(rig, baseUrl: "not a url");

        Assert.Equal((FailureKind.Config, "IGATE-CONFIG"), (ex.Failure.Kind, ex.Failure.Code));
    }

    [Fact]
    public async Task Cancellation_during_a_page_call_propagates()
    {
        await using var rig = await IGateTestRig.StartAsync(o => o.Faults.Latency = TimeSpan.FromSeconds(30));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => IGateTestRig.ReadAllAsync(rig.Connector(), "dossiers", null, cts.Token));
    }

    [Fact]
    public async Task Cancellation_between_pages_propagates()
    {
        await using var rig = await IGateTestRig.StartAsync(timeProvider: IGateClock.Fixed());
        rig.Sandbox.Dossiers.Generate(100, 0);
        using var cts = new CancellationTokenSource();
        var records = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in rig.Connector(batchSize: 10).ReadAsync("dossiers", null, cts.Token))
            {
                if (item is SourceCheckpoint)
                {
                    await cts.CancelAsync();
                }

                records += item is SourceRecord ? 1 : 0;
            }
        });
        Assert.Equal(10, records);
    }

    [Fact]
    public async Task A_cancelled_token_propagates_before_any_call()
    {
        await using var rig = await IGateTestRig.StartAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => IGateTestRig.ReadAllAsync(rig.Connector(), "dossiers", null, new CancellationToken(canceled: true)));
    }
}
