using System.Collections.Concurrent;
using System.Net;
using System.Text;
using IntegrationHub.Host;
using IntegrationHub.Host.Delivery;
using IntegrationHub.Host.Observability;
using IntegrationHub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Tests.Delivery;

/// <summary>The first attempt of a call sends the request itself, a retry a copy; whatever the body, every attempt sends
/// the same bytes and headers (the hub's real pipeline and call recorder, a counterparty answering 503 first).</summary>
[Collection(PostgresCollection.Name)]
public sealed class CounterpartyResilienceHandlerTests(PostgresCluster cluster)
{
    private const string Json = """{"service":"LayThuTuc","data":[{"maTTHC":"1.000123"}],"ten":"Cấp giấy phép"}""";

    [Fact]
    public async Task A_retried_json_call_sends_the_request_itself_first_then_a_copy_with_the_same_body_and_headers()
    {
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(await cluster.CreateDatabaseAsync()));
        var counterparty = new FailingOnceCounterparty();
        using var client = Client(hub, counterparty);
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:9/api") { Content = new StringContent(Json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", "k-1");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var attempts = counterparty.Attempts.ToArray();
        Assert.Equal(2, attempts.Length);
        Assert.Same(request, attempts[0].Request);
        Assert.NotSame(request, attempts[1].Request);
        Assert.All(attempts, a => Assert.Equal(Json, a.Body));
        Assert.All(attempts, a => Assert.Equal("k-1", a.ApiKey));
        Assert.All(attempts, a => Assert.Equal("application/json; charset=utf-8", a.ContentType));
    }

    [Fact]
    public async Task A_body_that_can_be_read_only_once_is_buffered_and_sent_whole_on_the_retry()
    {
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(await cluster.CreateDatabaseAsync()));
        var counterparty = new FailingOnceCounterparty();
        using var client = Client(hub, counterparty);
        using var body = new ReadOnceStream(Encoding.UTF8.GetBytes(Json));
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:9/api") { Content = new StreamContent(body) };
        request.Content.Headers.ContentType = new("application/json");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var attempts = counterparty.Attempts.ToArray();
        Assert.Equal(2, attempts.Length);
        Assert.All(attempts, a => Assert.Equal(Json, a.Body));
        Assert.All(attempts, a => Assert.Equal("application/json", a.ContentType));
    }

    [Fact]
    public async Task A_retry_is_built_from_the_request_as_it_was_before_the_handlers_below_changed_it()
    {
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(await cluster.CreateDatabaseAsync()));
        var counterparty = new FailingOnceCounterparty(redirectFirst: true);
        using var client = Client(hub, counterparty);
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:9/api") { Content = new StringContent(Json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", "k-1");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var retry = counterparty.Attempts.ToArray()[1];
        Assert.Equal(HttpMethod.Post, retry.Request.Method);
        Assert.Equal("http://127.0.0.1:9/api", retry.Request.RequestUri!.ToString());
        Assert.Equal(Json, retry.Body);
        Assert.Equal("k-1", retry.ApiKey);
        Assert.False(retry.Request.Headers.Contains("traceparent"));
    }

    private static HttpClient Client(HubHost hub, HttpMessageHandler counterparty)
    {
        var id = "cp-" + Guid.NewGuid().ToString("N")[..8];
        var handler = new CounterpartyResilienceHandler(hub.Services.GetRequiredService<CounterpartyPipelines>().Get(id), id,
            hub.Services.GetRequiredService<CounterpartyCallRecorder>(), TimeProvider.System)
        {
            InnerHandler = counterparty,
        };
        return new HttpClient(handler);
    }

    private sealed record Attempt(HttpRequestMessage Request, string Body, string? ApiKey, string? ContentType);

    /// <summary>Answers the first attempt 503 (a transient failure the pipeline retries), every later one 200. With
    /// <paramref name="redirectFirst"/> it first changes the request as .NET's redirect and tracing handlers do to the
    /// request they send (a 303 to a GET elsewhere, without body or credentials, with a parent span).</summary>
    private sealed class FailingOnceCounterparty(bool redirectFirst = false) : HttpMessageHandler
    {
        public ConcurrentQueue<Attempt> Attempts { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            var key = request.Headers.TryGetValues("X-Api-Key", out var values) ? values.Single() : null;
            Attempts.Enqueue(new Attempt(request, body, key, request.Content?.Headers.ContentType?.ToString()));
            if (redirectFirst && Attempts.Count == 1)
            {
                request.Headers.Add("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
                request.Method = HttpMethod.Get;
                request.RequestUri = new Uri("http://127.0.0.1:9/elsewhere");
                request.Content = null;
                request.Headers.Remove("X-Api-Key");
            }

            return new HttpResponseMessage(Attempts.Count == 1 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK);
        }
    }

    /// <summary>A body stream that can be read once and not rewound, as a network or file stream may be.</summary>
    private sealed class ReadOnceStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();

        public override long Position
        {
            get => base.Position;
            set => throw new NotSupportedException();
        }
    }
}
