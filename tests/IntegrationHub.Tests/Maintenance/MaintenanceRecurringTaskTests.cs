using System.Net.Http.Json;
using Hangfire;
using IntegrationHub.Connectors.PaymentPlatform.Payments;
using IntegrationHub.Host.Scheduling;
using IntegrationHub.Tests.Infrastructure;
using IntegrationHub.Tests.Payments;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IntegrationHub.Tests.Maintenance;

/// <summary>A module's own recurring calls (the payment platform's reconciliation) are held by their counterparty's
/// maintenance window like deliveries and reads: the task does not run during it and runs once at its end, however many
/// of its firings the window held.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MaintenanceRecurringTaskTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_module_task_calling_a_counterparty_in_maintenance_waits_for_the_windows_end_and_runs_once_then()
    {
        await using var rig = await PaymentRig.StartAsync(cluster);
        var until = DateTimeOffset.UtcNow.AddSeconds(15);
        var window = await rig.Admin.PostAsJsonAsync("api/connectors/payment-platform/maintenance", new { to = until, reason = "platform upgrade" });
        Assert.True(window.IsSuccessStatusCode, await window.Content.ReadAsStringAsync());

        // Two firings during the window (as a schedule would make them): neither reconciles, one run waits for the end.
        var job = rig.Hub.Services.GetRequiredService<RecurringTaskJob>();
        await job.RunAsync(ReconciliationTask.Name, CancellationToken.None);
        await job.RunAsync(ReconciliationTask.Name, CancellationToken.None);
        Assert.Equal(0L, await ReconciliationsAsync(rig.Database));
        var waiting = rig.Hub.Services.GetRequiredService<JobStorage>().GetMonitoringApi().ScheduledJobs(0, 100)
            .Where(j => j.Value.Job?.Type == typeof(RecurringTaskJob) && Equals(j.Value.Job.Args[0], ReconciliationTask.Name)).ToList();
        var scheduled = Assert.Single(waiting);
        Assert.InRange(scheduled.Value.EnqueueAt, until.UtcDateTime.AddSeconds(-1), until.UtcDateTime.AddSeconds(1));
        Assert.True(DateTimeOffset.UtcNow < until, "the window ended before the test could look; the checks above prove nothing");

        await Eventually.ReturnsAsync(() => ReconciliationsAsync(rig.Database), n => n == 1, Patience, "the reconciliation run at the window's end");
    }

    private static async Task<long> ReconciliationsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from hub.reconciliations", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
