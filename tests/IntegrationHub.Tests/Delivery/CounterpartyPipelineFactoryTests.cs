using System.Net;
using IntegrationHub.Host.Delivery;
using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Xunit;

namespace IntegrationHub.Tests.Delivery;

public sealed class CounterpartyPipelineFactoryTests
{
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.RequestTimeout, true)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    [InlineData(HttpStatusCode.Unauthorized, false)]
    [InlineData(HttpStatusCode.NotFound, false)]
    [InlineData(HttpStatusCode.OK, false)]
    public void Only_server_errors_throttling_and_timeouts_are_retried(HttpStatusCode status, bool transient) =>
        Assert.Equal(transient, CounterpartyPipelineFactory.IsTransient(Outcome.FromResult(new HttpResponseMessage(status)), countOpenCircuit: true));

    [Fact]
    public void Network_errors_and_attempt_timeouts_are_transient_and_an_open_circuit_only_for_the_retry()
    {
        Assert.True(CounterpartyPipelineFactory.IsTransient(Outcome.FromException<HttpResponseMessage>(new HttpRequestException("refused")), true));
        Assert.True(CounterpartyPipelineFactory.IsTransient(Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException()), true));
        Assert.True(CounterpartyPipelineFactory.IsTransient(Outcome.FromException<HttpResponseMessage>(new BrokenCircuitException()), countOpenCircuit: true));
        Assert.False(CounterpartyPipelineFactory.IsTransient(Outcome.FromException<HttpResponseMessage>(new BrokenCircuitException()), countOpenCircuit: false));
        Assert.False(CounterpartyPipelineFactory.IsTransient(Outcome.FromException<HttpResponseMessage>(new InvalidOperationException()), true));
    }

    [Fact]
    public void A_request_body_whose_attachment_cannot_be_read_is_not_retried()
    {
        // What HttpClient throws when an edXML body's attachment source fails: retrying would read the same bytes.
        var missing = new HttpRequestException("Error while copying content to a stream.", new FileNotFoundException("no such attachment"));
        var corrupt = new HttpRequestException("Error while copying content to a stream.", new IOException("copy", new InvalidDataException("SHA-256 mismatch")));

        Assert.False(CounterpartyPipelineFactory.IsTransient(Outcome.FromException<HttpResponseMessage>(missing), true));
        Assert.False(CounterpartyPipelineFactory.IsTransient(Outcome.FromException<HttpResponseMessage>(corrupt), true));
        Assert.False(CounterpartyPipelineFactory.IsTransient(Outcome.FromException<HttpResponseMessage>(new FileNotFoundException("direct")), true));
    }

    [Fact]
    public void Retry_after_in_seconds_is_honoured_and_capped()
    {
        var time = new FakeTimeProvider();
        Assert.Equal(TimeSpan.FromSeconds(7), CounterpartyPipelineFactory.ServerRequestedDelay(Outcome.FromResult(Throttled(r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(7)))), Cap, time));
        Assert.Equal(Cap, CounterpartyPipelineFactory.ServerRequestedDelay(Outcome.FromResult(Throttled(r => r.Headers.RetryAfter = new(TimeSpan.FromHours(2)))), Cap, time));
        Assert.Null(CounterpartyPipelineFactory.ServerRequestedDelay(Outcome.FromResult(new HttpResponseMessage(HttpStatusCode.InternalServerError)), Cap, time));
    }

    [Fact]
    public void Retry_after_as_a_date_is_measured_from_the_injected_clock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero));
        var response = Throttled(r => r.Headers.RetryAfter = new(new DateTimeOffset(2026, 11, 28, 8, 0, 12, TimeSpan.Zero)));
        Assert.Equal(TimeSpan.FromSeconds(12), CounterpartyPipelineFactory.ServerRequestedDelay(Outcome.FromResult(response), Cap, time));

        var past = Throttled(r => r.Headers.RetryAfter = new(new DateTimeOffset(2026, 11, 28, 7, 0, 0, TimeSpan.Zero)));
        Assert.Equal(TimeSpan.Zero, CounterpartyPipelineFactory.ServerRequestedDelay(Outcome.FromResult(past), Cap, time));
    }

    private static HttpResponseMessage Throttled(Action<HttpResponseMessage> configure)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        configure(response);
        return response;
    }
}
