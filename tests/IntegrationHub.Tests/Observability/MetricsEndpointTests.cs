using System.Net;
using System.Net.Http.Headers;
using System.Text;
using IntegrationHub.Tests.Inbound;
using IntegrationHub.Tests.Infrastructure;
using IntegrationHub.Tests.Payments;

namespace IntegrationHub.Tests.Observability;

/// <summary><c>GET /metrics</c>: Prometheus' text format for the admin login or the scraper's own token, with series
/// per flow and destination that move as messages are pushed, routed, delivered and dead-lettered.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MetricsEndpointTests(PostgresCluster cluster)
{
    private const string Token = "scrape-token-0123456789abcdef";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly (string, string) Evaluations = ("flow", "evaluations");
    private static readonly (string, string) ToIGate = ("destination", "igate:evaluations");

    [Fact]
    public async Task Metrics_answer_the_admin_login_or_the_scrape_token_and_401_anyone_else()
    {
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        settings["Hub:Metrics:Token"] = Token;
        var logs = new CapturedLogs();
        await using var hub = await TestHub.StartAsync(settings, logging: logs.AddTo);
        using var anonymous = new HttpClient { BaseAddress = hub.BaseAddress };

        using var none = await anonymous.GetAsync("metrics");
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Contains("\"code\":\"unauthorized\"", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var wrong = await anonymous.SendAsync(Scrape("not-the-scrape-token-at-all-0000"));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        using var basicWithToken = await anonymous.SendAsync(Scrape(Token, scheme: "Basic"));
        Assert.Equal(HttpStatusCode.Unauthorized, basicWithToken.StatusCode);

        using var scraper = await anonymous.SendAsync(Scrape(Token));
        Assert.Equal(HttpStatusCode.OK, scraper.StatusCode);
        Assert.StartsWith("text/plain", scraper.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Contains("integrationhub_inbox_depth", await scraper.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var admin = TestHub.AdminClient(hub);
        var scrape = await PrometheusScrape.ReadAsync(admin);
        Assert.True(scrape.Has("integrationhub_deliveries_open", Evaluations, ToIGate, ("status", "pending")), scrape.Text);

        // The start banner says where the metrics are; the token is never logged.
        var address = hub.BaseAddress.ToString().TrimEnd('/');
        Assert.Contains(logs.Lines, l => l.StartsWith($"Information IntegrationHub: Metrics: {address}/metrics", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains(Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pushing_delivering_and_dead_lettering_moves_the_series_of_the_flow_and_destination()
    {
        await using var rig = await PaymentRig.StartAsync(cluster, s =>
        {
            s["Hub:Metrics:Token"] = Token;
            s["Hub:Metrics:SampleInterval"] = "00:00:00.200";
        });
        using var scraper = new HttpClient { BaseAddress = rig.Hub.BaseAddress };
        scraper.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var partner = InboundRestTests.PartnerClient(rig.Hub);
        using var forger = new HttpClient(new PartnerSigningHandler(TestHub.InboundPartnerKey, TestHub.InboundPartnerSecret) { SecretOverride = "not-the-partner-secret-0123456789abcdef" })
        {
            BaseAddress = rig.Hub.BaseAddress,
        };
        var before = await PrometheusScrape.ReadAsync(scraper);

        foreach (var (id, maHoSo) in new[] { ("m-1", rig.MaHoSo), ("m-2", rig.MaHoSo), ("m-3", "KHONG-CO-HO-SO-NAY") })
        {
            Assert.Equal(HttpStatusCode.Accepted, (await partner.PostAsync("/api/inbound/dvcqg/danh-gia", InboundRestTests.Body(InboundRestTests.Evaluation(id, maHoSo)))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await forger.PostAsync("/api/inbound/dvcqg/danh-gia", InboundRestTests.Body(InboundRestTests.Evaluation("m-4", rig.MaHoSo)))).StatusCode);
        await Eventually.ReturnsAsync(() => PaymentFlowTests.FlowCountAsync(rig.Admin, "evaluations", "delivered"), n => n == 2, Patience, "two evaluations delivered");
        await Eventually.ReturnsAsync(() => PaymentFlowTests.FlowCountAsync(rig.Admin, "evaluations", "deadLettered"), n => n == 1, Patience, "one dead letter");

        double Moved(PrometheusScrape after, string name, params (string, string)[] labels) => after.Sum(name, labels) - before.Sum(name, labels);
        var after = await Eventually.ReturnsAsync(
            () => PrometheusScrape.ReadAsync(scraper),
            s => Moved(s, "integrationhub_deliveries_dead_lettered_total", Evaluations, ToIGate) == 1
                 && s.Sum("integrationhub_deliveries_open", Evaluations, ToIGate) == 0 && s.Sum("integrationhub_inbox_depth") == 0,
            Patience, "the scrape to show the dead letter and an empty backlog and inbox");

        Assert.Equal(3, Moved(after, "integrationhub_inbound_accepted_total", ("partner", "dvcqg"), ("message_type", "danh-gia")));
        Assert.Equal(3, Moved(after, "integrationhub_messages_received_total", Evaluations));
        Assert.Equal(2, Moved(after, "integrationhub_deliveries_delivered_total", Evaluations, ToIGate));
        Assert.Equal(2, Moved(after, "integrationhub_delivery_latency_seconds_count", Evaluations, ToIGate));
        Assert.Equal(1, Moved(after, "integrationhub_deliveries_failed_attempts_total", Evaluations, ToIGate));
        Assert.Equal(1, Moved(after, "integrationhub_inbound_refusals_total", ("partner", "dvcqg"), ("code", "invalid_signature")));
        // Polly's own telemetry, per counterparty (its pipeline's name).
        Assert.True(Moved(after, "resilience_polly_pipeline_duration_milliseconds_count", ("pipeline_name", "igate")) > 0, after.Text);
        var calls = Moved(after, "integrationhub_counterparty_calls_total", ("counterparty", "igate"));
        Assert.True(calls > 0, after.Text);
        Assert.Equal(calls, Moved(after, "integrationhub_counterparty_call_duration_seconds_count", ("counterparty", "igate")));
        Assert.Equal(0, after.Sum("integrationhub_counterparty_circuit_state", ("counterparty", "igate")));
        Assert.True(after.Has("integrationhub_counterparty_circuit_state", ("counterparty", "igate")), after.Text);
        Assert.Equal(0, after.Sum("integrationhub_inbox_oldest_unrouted_age_seconds"));
        // A partner id nobody configured is one label, whatever callers send.
        using var stranger = new HttpClient { BaseAddress = rig.Hub.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.PostAsync("/api/inbound/" + Guid.NewGuid().ToString("N") + "/danh-gia", new StringContent("{}", Encoding.UTF8, "application/json"))).StatusCode);
        var last = await Eventually.ReturnsAsync(() => PrometheusScrape.ReadAsync(scraper), s => s.Sum("integrationhub_inbound_refusals_total", ("partner", "unknown")) >= 1,
            Patience, "the stranger's refusal counted as unknown");
        Assert.DoesNotContain(last.Text.Split('\n'), l => l.StartsWith("integrationhub_inbound_refusals_total", StringComparison.Ordinal)
            && !l.Contains("partner=\"dvcqg\"", StringComparison.Ordinal) && !l.Contains("partner=\"unknown\"", StringComparison.Ordinal)
            && !l.Contains("partner=\"cong-dvc\"", StringComparison.Ordinal));
    }

    private static HttpRequestMessage Scrape(string token, string scheme = "Bearer")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue(scheme, token);
        return request;
    }
}
