using IntegrationHub.Host.Configuration;

namespace IntegrationHub.Host.Maintenance;

/// <summary>Every registered connector's recurring windows (<c>Connectors:{id}:Maintenance</c>, a list), parsed once;
/// what does not parse is in <see cref="Problems"/>, which the startup validation reports.</summary>
public sealed class RecurringMaintenanceSchedule
{
    private readonly Dictionary<string, IReadOnlyList<RecurringMaintenanceWindow>> _windows = new(StringComparer.Ordinal);
    private readonly List<string> _problems = [];

    public RecurringMaintenanceSchedule(ConnectorCatalog connectors, IConfiguration configuration)
    {
        foreach (var registration in connectors.Registrations)
        {
            _windows[registration.Id] = Parse(registration.Id, configuration.GetSection($"Connectors:{registration.Id}:Maintenance"), _problems);
        }
    }

    public IReadOnlyList<string> Problems => _problems;

    public IReadOnlyList<RecurringMaintenanceWindow> For(string connectorId) =>
        _windows.TryGetValue(connectorId, out var windows) ? windows : [];

    private static List<RecurringMaintenanceWindow> Parse(string connectorId, IConfigurationSection section, List<string> problems)
    {
        var windows = new List<RecurringMaintenanceWindow>();
        foreach (var child in section.GetChildren())
        {
            var name = $"{section.Path}:{child.Key}";
            if (!int.TryParse(child.Key, out _))
            {
                problems.Add($"{section.Path} of connector '{connectorId}' must be a list of windows ({{ Days, Start, End, Reason }}); found the key '{child.Key}'.");
                continue;
            }

            RecurringMaintenanceOptions options;
            try
            {
                options = child.Get<RecurringMaintenanceOptions>() ?? new RecurringMaintenanceOptions();
            }
            catch (InvalidOperationException e)
            {
                problems.Add($"{name} of connector '{connectorId}': {e.Message}");
                continue;
            }

            if (RecurringMaintenanceWindow.Parse(connectorId, name, options, problems) is { } window)
            {
                windows.Add(window);
            }
        }

        return windows;
    }
}
