using IntegrationHub.Contracts;

namespace IntegrationHub.Host.Modules;

/// <summary>A module's periodic work: run by name (keyed <see cref="IRecurringTask"/>), scheduled as its schedule says.</summary>
public sealed record RecurringTaskRegistration(string Name, Func<IServiceProvider, RecurringSchedule> Schedule);
