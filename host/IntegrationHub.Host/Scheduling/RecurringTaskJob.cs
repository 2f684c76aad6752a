using IntegrationHub.Contracts;

namespace IntegrationHub.Host.Scheduling;

/// <summary>The Hangfire job that runs a module's <see cref="IRecurringTask"/> by name (the name shows in the dashboard).</summary>
public sealed class RecurringTaskJob(IServiceProvider services)
{
    public async Task RunAsync(string task, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredKeyedService<IRecurringTask>(task).RunAsync(cancellationToken);
    }
}
