using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Connectors.IGate;
using IntegrationHub.Tests.Inbound;
using IntegrationHub.Tests.Infrastructure;
using IntegrationHub.Tests.Payments;

namespace IntegrationHub.Tests.Observability;

/// <summary>One trace per message: from its push (continuing the partner's traceparent) or its read by a run, through
/// routing and every delivery attempt to the counterparty calls made for it, REST and SOAP; its history shows the trace id.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MessageTraceTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_partners_traceparent_is_continued_through_routing_and_delivery_and_shown_in_the_history()
    {
        using var spans = new SpanRecorder();
        await using var rig = await PaymentRig.StartAsync(cluster);
        // The partner's own HTTP stack sends the traceparent it was given (this process's tracing must not replace it).
        using var partner = new HttpClient(new PartnerSigningHandler(TestHub.InboundPartnerKey, TestHub.InboundPartnerSecret, inner: new SocketsHttpHandler { ActivityHeadersPropagator = null }))
        {
            BaseAddress = rig.Hub.BaseAddress,
        };
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var partnerSpan = ActivitySpanId.CreateRandom().ToHexString();

        using var push = new HttpRequestMessage(HttpMethod.Post, "/api/inbound/dvcqg/danh-gia") { Content = InboundRestTests.Body(InboundRestTests.Evaluation("traced-1", rig.MaHoSo)) };
        push.Headers.Add("traceparent", $"00-{traceId}-{partnerSpan}-01");
        Assert.Equal(HttpStatusCode.Accepted, (await partner.SendAsync(push)).StatusCode);
        await Eventually.ReturnsAsync(() => PaymentFlowTests.FlowCountAsync(rig.Admin, "evaluations", "delivered"), n => n == 1, Patience, "the evaluation delivered");

        // The history (API and dashboard) names the partner's trace.
        var history = await rig.Admin.GetFromJsonAsync<JsonElement>($"api/messages?businessKey={Uri.EscapeDataString(rig.MaHoSo)}");
        var message = Assert.Single(history.GetProperty("messages").EnumerateArray(), m => m.GetProperty("flow").GetString() == "evaluations");
        Assert.Equal(traceId, message.GetProperty("traceId").GetString());
        var page = await rig.Admin.GetStringAsync($"hangfire/messages?businessKey={Uri.EscapeDataString(rig.MaHoSo)}");
        Assert.Contains($">{traceId}</code>", page, StringComparison.Ordinal);

        // Receipt, routing (in another thread), the delivery attempt (a Hangfire job) and the iGate call are one trace.
        var trace = await Eventually.ReturnsAsync(() => Task.FromResult(spans.InTrace(traceId)),
            t => t.Any(a => a.DisplayName == "deliver igate:evaluations") && t.Any(a => a.Source.Name == "System.Net.Http" && a.Kind == ActivityKind.Client),
            Patience, "the delivery's spans in the partner's trace");
        var receipt = Assert.Single(trace, a => a.DisplayName == "receive dvcqg/danh-gia");
        var route = Assert.Single(trace, a => a.DisplayName == "route dvcqg:danh-gia");
        var attempt = Assert.Single(trace, a => a.DisplayName == "deliver igate:evaluations");
        var call = Assert.Single(trace, a => a.DisplayName == "call igate");
        Assert.Equal(receipt.SpanId, route.ParentSpanId);
        Assert.Equal(route.SpanId, attempt.ParentSpanId);
        Assert.Equal(attempt.SpanId, call.ParentSpanId);
        Assert.Equal("delivered", attempt.GetTagItem("integrationhub.outcome"));
        Assert.Contains(trace, a => a.Source.Name == "System.Net.Http" && a.ParentSpanId == call.SpanId);
        // The request's own span is the partner's span's child: the hub continued the partner's trace, not started one.
        Assert.Contains(trace, a => a.ParentSpanId.ToHexString() == partnerSpan && a.Kind == ActivityKind.Server);
    }

    [Fact]
    public async Task Each_message_a_run_reads_is_its_own_trace_through_its_delivery_and_its_soap_enrichment()
    {
        using var spans = new SpanRecorder();
        await using var sandboxes = await CitizenCheckSandboxes.StartAsync(new IGateSandboxOptions { ApiKey = "igate-test-key", Seed = 12 });
        var igate = sandboxes.IGate;
        var codes = igate.Dossiers.Generate(6, 0);
        var citizens = codes.Where(c => (int)igate.Dossiers.Snapshot(c)!["loaiDoiTuong"]! == 1).ToList();
        Assert.NotEmpty(citizens);

        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        sandboxes.ApplyTo(settings);
        await using var hub = await TestHub.StartAsync(settings);
        using var admin = TestHub.AdminClient(hub);
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync("api/flows/citizen-checks/run", null)).StatusCode);
        await Eventually.ReturnsAsync(() => CountsAsync(admin), c => c.Delivered + c.Skipped == codes.Count, Patience, "every dossier verified or skipped");

        var traceIds = new List<string>();
        foreach (var code in codes)
        {
            var history = await admin.GetFromJsonAsync<JsonElement>($"api/messages?businessKey={Uri.EscapeDataString(code)}");
            traceIds.Add(Assert.Single(history.GetProperty("messages").EnumerateArray()).GetProperty("traceId").GetString()!);
        }

        Assert.Equal(codes.Count, traceIds.Distinct().Count());
        var run = Assert.Single(spans.Named("flow run citizen-checks"));
        var citizenTrace = traceIds[codes.ToList().IndexOf(citizens[0])];
        var trace = await Eventually.ReturnsAsync(() => Task.FromResult(spans.InTrace(citizenTrace)),
            t => t.Any(a => a.DisplayName == "deliver igate:citizen-checks") && t.Any(a => a.Source.Name == "System.Net.Http"),
            Patience, "the citizen's delivery in its message's trace");

        // Read by the run (a link, not a parent: the run is a trace of its own), then one attempt whose SOAP lookup of the
        // population database (WCF's own HTTP stack) is inside it.
        var read = Assert.Single(trace, a => a.DisplayName == "read citizen-checks");
        Assert.Equal(default, read.ParentSpanId);
        Assert.Contains(read.Links, l => l.Context.SpanId == run.SpanId);
        var attempt = Assert.Single(trace, a => a.DisplayName == "deliver igate:citizen-checks");
        Assert.Equal(read.SpanId, attempt.ParentSpanId);
        var lookup = Assert.Single(trace, a => a.DisplayName == "call population-db" && a.ParentSpanId == attempt.SpanId);
        Assert.Contains(trace, a => a.Source.Name == "System.Net.Http" && a.Kind == ActivityKind.Client && a.ParentSpanId == lookup.SpanId);

        // The messages were written to iGate in one call: that call's span links to each message's attempt.
        var batches = spans.Named("deliver batch igate:citizen-checks").Concat(spans.Named("deliver igate:citizen-checks")).ToList();
        Assert.Contains(batches, b => b.SpanId == attempt.SpanId || b.Links.Any(l => l.Context.SpanId == attempt.SpanId));

        // The run's metrics: records read and its duration.
        var scrape = await PrometheusScrape.ReadAsync(admin);
        Assert.Equal(codes.Count, scrape.Sum("integrationhub_flow_records_read_total", ("flow", "citizen-checks")));
        Assert.Equal(1, scrape.Sum("integrationhub_flow_run_duration_seconds_count", ("flow", "citizen-checks"), ("outcome", "succeeded")));
        Assert.Equal(codes.Count - citizens.Count, scrape.Sum("integrationhub_deliveries_skipped_total", ("flow", "citizen-checks"), ("destination", "igate:citizen-checks")));
    }

    private static async Task<(long Delivered, long Skipped)> CountsAsync(HttpClient client)
    {
        var flows = await client.GetFromJsonAsync<JsonElement[]>("api/flows");
        var counts = flows!.Single(f => f.GetProperty("id").GetString() == "citizen-checks").GetProperty("counts");
        return (counts.GetProperty("delivered").GetInt64(), counts.GetProperty("skipped").GetInt64());
    }
}
