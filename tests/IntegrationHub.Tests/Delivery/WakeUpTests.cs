using System.Net;
using IntegrationHub.Connectors.Sandboxing;
using IntegrationHub.Host;
using IntegrationHub.Host.Delivery;
using IntegrationHub.Host.Storage;
using IntegrationHub.Tests.Inbound;
using IntegrationHub.Tests.Infrastructure;
using IntegrationHub.Tests.Payments;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Tests.Delivery;

/// <summary>Wake-ups (issue 13, item 2): the commit that creates pending deliveries notifies (migration 0027) and the
/// listener delivers them in process, with no Hangfire job; off, or with the listener cut off, the jobs and polls deliver
/// as before; a delivery that fails when woken becomes a Hangfire job (retried there, shown on the dashboard).</summary>
[Collection(PostgresCollection.Name)]
public sealed class WakeUpTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(true, 0)]
    [InlineData(false, 1)]
    public async Task A_push_is_delivered_by_the_wake_up_without_a_delivery_job_and_by_a_job_when_wake_ups_are_off(bool wake, int minJobs)
    {
        await using var sandboxes = await SandboxPair.StartAsync(procedures: 1);
        var database = await cluster.CreateDatabaseAsync();
        var settings = Settings(sandboxes, database, ("Hub:Wake:Enabled", wake.ToString()), ("Hub:Delivery:SweepInterval", "01:00:00"));
        await using var hub = await TestHub.StartAsync(settings);
        using var client = TestHub.AdminClient(hub);
        using var partner = InboundRestTests.PartnerClient(hub);
        var maHoSo = sandboxes.IGate.Dossiers.Add();
        if (wake)
        {
            await ListeningAsync(hub);
        }

        for (var i = 0; i < 3; i++)
        {
            await PushAsync(partner, $"wake-{i}", maHoSo);
        }

        await Eventually.ReturnsAsync(() => FlowRuns.FlowAsync(client, "evaluations"), f => FlowRuns.Count(f, "delivered") == 3, Patience, "the pushes delivered");
        Assert.Equal(3, sandboxes.IGate.EvaluationStats().ItemsReceived);
        var jobs = await DeliveryJobsAsync(database);
        if (wake)
        {
            Assert.Equal(0, jobs);
        }
        else
        {
            Assert.True(jobs >= minJobs, $"{jobs} delivery jobs");
        }
    }

    [Fact]
    public async Task The_listener_connects_again_after_its_connection_is_killed_and_pushes_meanwhile_are_delivered()
    {
        await using var sandboxes = await SandboxPair.StartAsync(procedures: 1);
        var database = await cluster.CreateDatabaseAsync();
        var settings = Settings(sandboxes, database, ("Hub:Wake:ReconnectDelay", "00:00:01"));
        await using var hub = await TestHub.StartAsync(settings);
        using var client = TestHub.AdminClient(hub);
        using var partner = InboundRestTests.PartnerClient(hub);
        var state = hub.Services.GetRequiredService<WakeListenerState>();
        var maHoSo = sandboxes.IGate.Dossiers.Add();
        var first = await Eventually.ReturnsAsync(() => ListenerPidAsync(database), pid => pid > 0, Patience, "the listener's connection");

        Assert.Equal(1, await PaymentTestKit.ScalarAsync(database, "select pg_terminate_backend(@pid)::int", ("pid", (int)first)));
        await PushAsync(partner, "cut-off", maHoSo);
        await Eventually.ReturnsAsync(() => FlowRuns.FlowAsync(client, "evaluations"), f => FlowRuns.Count(f, "delivered") == 1, Patience, "the push made while cut off delivered");

        await Eventually.ReturnsAsync(() => ListenerPidAsync(database), pid => pid > 0 && pid != first, Patience, "a new listener connection");
        await Eventually.ReturnsAsync(() => Task.FromResult(state.Listening), l => l, Patience, "listening again");
        var jobsBefore = await DeliveryJobsAsync(database);
        await PushAsync(partner, "back", maHoSo);
        await Eventually.ReturnsAsync(() => FlowRuns.FlowAsync(client, "evaluations"), f => FlowRuns.Count(f, "delivered") == 2, Patience, "the push after reconnecting delivered");
        Assert.Equal(2, sandboxes.IGate.EvaluationStats().ItemsReceived);
        Assert.Equal(jobsBefore, await DeliveryJobsAsync(database));
    }

    [Fact]
    public async Task A_delivery_that_fails_when_woken_is_handed_to_a_hangfire_job_and_delivered_once_the_counterparty_is_back()
    {
        var faults = new SandboxFaultOptions { FailureRate = 1, ServerErrorWeight = 1, TooManyRequestsWeight = 0, TimeoutWeight = 0 };
        await using var sandboxes = await SandboxPair.StartAsync(procedures: 1, igateFaults: faults);
        var database = await cluster.CreateDatabaseAsync();
        var settings = Settings(sandboxes, database, ("Hub:Delivery:SweepInterval", "01:00:00"));
        await using var hub = await TestHub.StartAsync(settings);
        using var client = TestHub.AdminClient(hub);
        using var partner = InboundRestTests.PartnerClient(hub);
        var maHoSo = sandboxes.IGate.Dossiers.Add();
        await ListeningAsync(hub);

        await PushAsync(partner, "refused", maHoSo);
        await Eventually.ReturnsAsync(() => DeliveryJobsAsync(database), n => n >= 1, Patience, "the failed delivery handed to a Hangfire job");
        Assert.Equal(0, sandboxes.IGate.EvaluationStats().ItemsReceived);

        faults.FailureRate = 0;
        await Eventually.ReturnsAsync(() => FlowRuns.FlowAsync(client, "evaluations"), f => FlowRuns.Count(f, "delivered") == 1, Patience, "delivered once iGate answers");
        Assert.Equal(1, sandboxes.IGate.EvaluationStats().ItemsReceived);
    }

    private static Dictionary<string, string?> Settings(SandboxPair sandboxes, string database, params (string Key, string Value)[] extra)
    {
        var settings = TestHub.BaseSettings(database);
        sandboxes.ApplyTo(settings);
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static Task ListeningAsync(HubHost hub) =>
        Eventually.ReturnsAsync(() => Task.FromResult(hub.Services.GetRequiredService<WakeListenerState>().Listening), l => l, Patience, "the listener listening");

    private static async Task PushAsync(HttpClient partner, string messageId, string maHoSo) =>
        Assert.Equal(HttpStatusCode.Accepted, (await partner.PostAsync("/api/inbound/dvcqg/danh-gia", InboundRestTests.Body(InboundRestTests.Evaluation(messageId, maHoSo)))).StatusCode);

    private static Task<long> DeliveryJobsAsync(string database) =>
        PaymentTestKit.ScalarAsync(database, $"select count(*) from {SchemaMigrator.HangfireSchema}.job where invocationdata::text like '%DeliveryJob%'");

    private static Task<long> ListenerPidAsync(string database) =>
        PaymentTestKit.ScalarAsync(database, "select coalesce(max(pid), 0) from pg_stat_activity where application_name = 'integrationhub-wake' and datname = current_database()");
}
