using Hangfire;
using IntegrationHub.Contracts;
using IntegrationHub.Host.Maintenance;
using IntegrationHub.Host.Modules;

namespace IntegrationHub.Host.Scheduling;

/// <summary>The Hangfire job that runs a module's <see cref="IRecurringTask"/> by name (the name shows in the dashboard).
/// A task whose counterparty (<see cref="RecurringSchedule.Counterparty"/>) is in a maintenance window does not run: it
/// runs once at the window's end.</summary>
public sealed class RecurringTaskJob(
    IServiceProvider services, ModuleContributions modules, ConnectorMaintenance maintenance, IBackgroundJobClient jobs, WindowEndJobs windowEnds, ILogger<RecurringTaskJob> logger)
{
    public async Task RunAsync(string task, CancellationToken cancellationToken)
    {
        if (modules.RecurringTasks.FirstOrDefault(t => t.Name == task)?.Schedule(services).Counterparty is { } counterparty &&
            await maintenance.CurrentAsync(counterparty, cancellationToken) is { } window)
        {
            var later = windowEnds.ScheduleOnce($"task:{task}", window.To, due => jobs.Schedule<RecurringTaskJob>(job => job.RunAsync(task, CancellationToken.None), due));
            logger.LogInformation("Task {Task} held: {Connector} is in maintenance until {Until:O} ({Reason}); {Then}",
                task, counterparty, window.To, window.Reason, later is null ? "its run at the window's end is scheduled already" : $"job {later} runs it then");
            return;
        }

        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredKeyedService<IRecurringTask>(task).RunAsync(cancellationToken);
    }
}
