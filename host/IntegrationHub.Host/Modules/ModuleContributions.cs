namespace IntegrationHub.Host.Modules;

/// <summary>What modules contributed beyond connectors and sandboxes: the host maps, schedules and shows these.</summary>
public sealed class ModuleContributions
{
    public List<RecurringTaskRegistration> RecurringTasks { get; } = [];

    public List<Action<IEndpointRouteBuilder>> Endpoints { get; } = [];

    public List<Type> DashboardPages { get; } = [];

    public List<Type> DashboardActions { get; } = [];
}
