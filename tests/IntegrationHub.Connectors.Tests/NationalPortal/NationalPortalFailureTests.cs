using System.Net.Http.Json;
using System.Text;
using IntegrationHub.Connectors.NationalPortal;
using IntegrationHub.Connectors.Sandboxing;
using IntegrationHub.Contracts;
using Xunit;

namespace IntegrationHub.Connectors.Tests.NationalPortal;

public sealed class NationalPortalFailureTests
{
    private static async Task<ConnectorException> ReadFailureAsync(NationalPortalConnector connector)
    {
        return await Assert.ThrowsAsync<ConnectorException>(() => NationalPortalTestBed.ReadAllAsync(connector));
    }

    [Fact]
    public async Task Server_error_in_the_middle_of_a_read_is_transient()
    {
        await using var bed = await NationalPortalTestBed.StartAsync();
        var connector = bed.Connector();
        var seen = 0;

        var exception = await Assert.ThrowsAsync<ConnectorException>(async () =>
        {
            await foreach (var item in connector.ReadAsync("procedures", null, CancellationToken.None))
            {
                if (item is SourceCheckpoint && ++seen == 1)
                {
                    // Through the control surface, as the demo would: every later call now fails with 500.
                    var faults = new SandboxFaultOptions { FailureRate = 1, ServerErrorWeight = 1, TooManyRequestsWeight = 0, TimeoutWeight = 0 };
                    using var response = await bed.Http.PutAsJsonAsync(new Uri(bed.BaseAddress, "sandbox/faults"), faults);
                    response.EnsureSuccessStatusCode();
                }
            }
        });

        Assert.Equal(FailureKind.Transient, exception.Failure.Kind);
        Assert.Equal("http-500", exception.Failure.Code);
        Assert.Equal(1, seen);
        Assert.True(bed.Sandbox.Stats.Faults["ServerError"] >= 1);
    }

    [Fact]
    public async Task Too_many_requests_is_transient_and_carries_Retry_After()
    {
        await using var bed = await NationalPortalTestBed.StartAsync(o => o.Faults = Only(f => f.TooManyRequestsWeight = 1, retryAfterSeconds: 7));

        var exception = await ReadFailureAsync(bed.Connector());

        Assert.Equal(FailureKind.Transient, exception.Failure.Kind);
        Assert.Equal("http-429", exception.Failure.Code);
        Assert.Equal(TimeSpan.FromSeconds(7), exception.Failure.RetryAfter);
    }

    [Fact]
    public async Task Malformed_reply_is_transient()
    {
        await using var bed = await NationalPortalTestBed.StartAsync(o => o.Faults = Only(f => f.MalformedWeight = 1));

        var exception = await ReadFailureAsync(bed.Connector());

        Assert.Equal(FailureKind.Transient, exception.Failure.Kind);
        Assert.Equal("malformed-reply", exception.Failure.Code);
    }

    [Fact]
    public async Task Timeout_is_transient()
    {
        await using var bed = await NationalPortalTestBed.StartAsync(
            o => o.Faults = Only(f => f.TimeoutWeight = 1, timeoutDelay: TimeSpan.FromSeconds(30)),
            httpTimeout: TimeSpan.FromMilliseconds(300));

        var exception = await ReadFailureAsync(bed.Connector());

        Assert.Equal(FailureKind.Transient, exception.Failure.Kind);
        Assert.Equal("timeout", exception.Failure.Code);
    }

    [Fact]
    public async Task Unreachable_portal_is_transient()
    {
        await using var bed = await NationalPortalTestBed.StartAsync();
        var closedPort = bed.BaseAddress;
        await bed.Sandbox.DisposeAsync();

        var exception = await ReadFailureAsync(bed.Connector(o => o.BaseUrl = closedPort.ToString()));

        Assert.Equal(FailureKind.Transient, exception.Failure.Kind);
        Assert.Equal("network", exception.Failure.Code);
    }

    [Fact]
    public async Task Wrong_password_is_a_config_failure()
    {
        await using var bed = await NationalPortalTestBed.StartAsync();

        var exception = await ReadFailureAsync(bed.Connector(o => o.Password = "sai-mat-khau"));

        Assert.Equal(FailureKind.Config, exception.Failure.Kind);
        Assert.Equal("401", exception.Failure.Code);
        Assert.Equal(0, bed.Sandbox.Stats.ListCalls);
    }

    [Fact]
    public async Task Http_401_is_a_config_failure()
    {
        await using var bed = await NationalPortalTestBed.StartAsync(handler: new FixedReplyHandler(System.Net.HttpStatusCode.Unauthorized, "{}"));

        var exception = await ReadFailureAsync(bed.Connector());

        Assert.Equal(FailureKind.Config, exception.Failure.Kind);
        Assert.Equal("http-401", exception.Failure.Code);
    }

    [Fact]
    public async Task Portal_error_code_on_a_procedure_is_permanent_with_the_portal_code_and_message()
    {
        // A procedure withdrawn between the list and its details: the request is rewritten to ask for a code the portal lacks.
        var handler = new RequestRewritingHandler("\"maTTHC\":\"1.", "\"maTTHC\":\"9.");
        await using var bed = await NationalPortalTestBed.StartAsync(o => o.ProcedureCount = 5, handler: handler);

        var exception = await ReadFailureAsync(bed.Connector(o => o.MaxParallelDetails = 1));

        Assert.Equal(FailureKind.Permanent, exception.Failure.Kind);
        Assert.Equal("-1", exception.Failure.Code);
        Assert.Contains("Không tìm thấy thủ tục hành chính có mã 9.", exception.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Caller_cancellation_during_a_call_propagates_as_cancellation()
    {
        await using var bed = await NationalPortalTestBed.StartAsync(o => o.Faults.Latency = TimeSpan.FromSeconds(30));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => NationalPortalTestBed.ReadAllAsync(bed.Connector(), cancellationToken: cancellation.Token));
    }

    [Fact]
    public async Task Caller_cancellation_between_pages_propagates_as_cancellation()
    {
        await using var bed = await NationalPortalTestBed.StartAsync();
        using var cancellation = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in bed.Connector().ReadAsync("procedures", null, cancellation.Token))
            {
                if (item is SourceCheckpoint)
                {
                    await cancellation.CancelAsync();
                }
            }
        });
        Assert.Equal([1], bed.Sandbox.Stats.PagesRequested);
    }

    private static SandboxFaultOptions Only(Action<SandboxFaultOptions> weight, int retryAfterSeconds = 1, TimeSpan? timeoutDelay = null)
    {
        var options = new SandboxFaultOptions
        {
            FailureRate = 1,
            ServerErrorWeight = 0,
            TooManyRequestsWeight = 0,
            TimeoutWeight = 0,
            RetryAfterSeconds = retryAfterSeconds,
            TimeoutDelay = timeoutDelay ?? TimeSpan.FromSeconds(30),
        };
        weight(options);
        return options;
    }

    /// <summary>Answers every request with one status and body, like a gateway in front of the portal.</summary>
    private sealed class FixedReplyHandler(System.Net.HttpStatusCode status, string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }

    /// <summary>Rewrites request bodies on the way to the sandbox.</summary>
    private sealed class RequestRewritingHandler(string find, string replace) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is not null)
            {
                var body = await request.Content.ReadAsStringAsync(cancellationToken);
                request.Content = new StringContent(body.Replace(find, replace, StringComparison.Ordinal), Encoding.UTF8, "application/json");
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
