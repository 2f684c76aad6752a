using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Host.Observability;
using IntegrationHub.Tests.Inbound;
using IntegrationHub.Tests.Infrastructure;
using IntegrationHub.Tests.Payments;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Tests.Alerts;

/// <summary>Alerts by official e-mail, received by a real SMTP server on 127.0.0.1: once per incident, not once per
/// dead letter, retry or sweep; a new incident mails again; the daily digest goes out once.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AlertMailTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Dead_letters_mail_once_per_incident_and_the_digest_goes_out_once()
    {
        await using var sink = SmtpSink.Start();
        await using var rig = await PaymentRig.StartAsync(cluster, settings =>
        {
            sink.ApplyTo(settings);
            settings["Hub:PublicUrl"] = "https://hub.tinh.gov.vn";
        });
        using var dvcqg = InboundRestTests.PartnerClient(rig.Hub);
        async Task PushUnknownDossierAsync(string id) =>
            Assert.Equal(HttpStatusCode.Accepted, (await dvcqg.PostAsync("/api/inbound/dvcqg/danh-gia", InboundRestTests.Body(InboundRestTests.Evaluation(id, "KHONG-CO-" + id)))).StatusCode);
        IReadOnlyList<MimeKit.MimeMessage> Mails(string kind) => sink.Messages.Where(m => m.TextBody?.Contains($"Kind: {kind}", StringComparison.Ordinal) == true).ToList();

        // Two evaluations of dossiers iGate does not have: two dead letters of one flow, one incident.
        await PushUnknownDossierAsync("dg-a");
        await PushUnknownDossierAsync("dg-b");
        await Eventually.ReturnsAsync(() => PaymentFlowTests.FlowCountAsync(rig.Admin, "evaluations", "deadLettered"), n => n == 2, Patience, "two dead letters");
        await Eventually.ReturnsAsync(() => Task.FromResult(Mails("dead_letters").Count), n => n == 1, Patience, "the dead-letter mail");
        var mail = Mails("dead_letters").Single();
        Assert.Contains("evaluations", mail.Subject, StringComparison.Ordinal);
        Assert.Equal("vanthu@tinh.gov.vn", mail.To.Mailboxes.Single().Address);

        // Read away from the dashboard: an absolute link under Hub:PublicUrl, and the time as the officials read clocks.
        Assert.Contains("https://hub.tinh.gov.vn/hangfire/dead-letters?flow=evaluations", mail.TextBody, StringComparison.Ordinal);
        var raised = (await rig.Hub.Services.GetRequiredService<AlertStore>().RecentAsync(10, CancellationToken.None)).First(a => a.Kind == "dead_letters").RaisedAt;
        var local = raised.ToOffset(TimeSpan.FromHours(7));
        Assert.Contains($"Raised: {local.ToString("dd/MM/yyyy HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)} (UTC+07:00)", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(" UTC\n", mail.TextBody, StringComparison.Ordinal);

        // A third in the same episode adds nothing. Proof the sweeps ran after it: a later alert's mail arrives.
        await PushUnknownDossierAsync("dg-c");
        await Eventually.ReturnsAsync(() => PaymentFlowTests.FlowCountAsync(rig.Admin, "evaluations", "deadLettered"), n => n == 3, Patience, "a third dead letter");
        await rig.Hub.Services.GetRequiredService<AlertStore>().RaiseAsync("test_marker", "marker", "after the third dead letter", "marker:1", null, CancellationToken.None);
        await Eventually.ReturnsAsync(() => Task.FromResult(Mails("test_marker").Count), n => n == 1, Patience, "the marker mail");
        Assert.Single(Mails("dead_letters"));

        // Discarded, then a new rejection: a new incident, a second mail.
        var discard = await rig.Admin.PostAsJsonAsync("api/dead-letters/discard", new { flow = "evaluations", reason = "test: dossiers do not exist" });
        Assert.True(discard.IsSuccessStatusCode, await discard.Content.ReadAsStringAsync());
        await PushUnknownDossierAsync("dg-d");
        await Eventually.ReturnsAsync(() => Task.FromResult(Mails("dead_letters").Count), n => n == 2, Patience, "the second incident's mail");

        var digest = rig.Hub.Services.GetRequiredService<AlertDigest>();
        Assert.True(await digest.SendAsync(CancellationToken.None));
        Assert.False(await digest.SendAsync(CancellationToken.None));
        var digests = sink.Messages.Where(m => m.Subject?.Contains("Tổng hợp", StringComparison.Ordinal) == true).ToList();
        Assert.Single(digests);
        Assert.Contains("dead_letters", digests[0].TextBody ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("https://hub.tinh.gov.vn/hangfire/dead-letters?flow=evaluations", digests[0].TextBody ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("(UTC+07:00)", digests[0].TextBody ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_circuit_that_opens_again_and_again_during_one_outage_mails_once()
    {
        await using var sink = SmtpSink.Start();
        await using var rig = await PaymentRig.StartAsync(cluster, settings =>
        {
            sink.ApplyTo(settings);
            settings["Connectors:igate:Resilience:MaxRetryAttempts"] = "0";
            settings["Connectors:igate:Resilience:BreakerMinimumThroughput"] = "2";
            settings["Connectors:igate:Resilience:BreakerFailureRatio"] = "0.5";
            settings["Connectors:igate:Resilience:BreakerSamplingDuration"] = "00:00:10";
            settings["Connectors:igate:Resilience:BreakerDuration"] = "00:00:01";
            settings["Hub:Delivery:MaxRetryBackoff"] = "00:00:02"; // back to delivering soon after the outage
            settings["Hub:Delivery:SweepInterval"] = "00:00:02";
        });
        var faults = rig.Sandboxes.IGate.Faults;
        faults.FailureRate = 1.0;
        faults.TooManyRequestsWeight = 0;
        faults.TimeoutWeight = 0;
        using var dvcqg = InboundRestTests.PartnerClient(rig.Hub);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await dvcqg.PostAsync("/api/inbound/dvcqg/danh-gia", InboundRestTests.Body(InboundRestTests.Evaluation($"cb-{i}", rig.MaHoSo)))).StatusCode);
        }

        // Deliveries keep failing and the breaker keeps re-opening after each half-open probe: one incident.
        await Eventually.ReturnsAsync(() => Task.FromResult(sink.Messages.Count(m => m.TextBody?.Contains("Kind: circuit_open", StringComparison.Ordinal) == true)),
            n => n == 1, Patience, "the circuit mail");
        // Each half-open probe after that fails too and opens the circuit again: wait for three more failed calls.
        int Failures() => rig.Sandboxes.IGate.FaultCounts().Values.Sum();
        var atFirstMail = Failures();
        await Eventually.ReturnsAsync(() => Task.FromResult(Failures()), n => n >= atFirstMail + 3, Patience, "three more failed calls");
        var store = rig.Hub.Services.GetRequiredService<AlertStore>();
        await store.RaiseAsync("test_marker", "marker", "after the repeated openings", "marker:circuit", null, CancellationToken.None);
        await Eventually.ReturnsAsync(() => Task.FromResult(sink.Messages.Count(m => m.TextBody?.Contains("Kind: test_marker", StringComparison.Ordinal) == true)), n => n == 1, Patience, "the marker mail");
        Assert.Single(sink.Messages, m => m.TextBody?.Contains("Kind: circuit_open", StringComparison.Ordinal) == true);
        Assert.Contains("igate", sink.Messages.Single(m => m.TextBody?.Contains("Kind: circuit_open", StringComparison.Ordinal) == true).Subject, StringComparison.Ordinal);
        Assert.Contains("/hangfire/connectors/igate", sink.Messages.Single(m => m.TextBody?.Contains("Kind: circuit_open", StringComparison.Ordinal) == true).TextBody, StringComparison.Ordinal);

        // The outage ends: the evaluations are delivered.
        faults.FailureRate = 0;
        await Eventually.ReturnsAsync(() => PaymentFlowTests.FlowCountAsync(rig.Admin, "evaluations", "delivered"), n => n == 4, Patience, "delivered after the outage");
    }
}
