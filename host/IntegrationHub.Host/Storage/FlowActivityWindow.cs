namespace IntegrationHub.Host.Storage;

/// <summary>A chart's span in whole UTC hours, the current (unfinished) hour last: <c>24h</c> or <c>7d</c>.</summary>
public sealed record FlowActivityWindow(string Name, int Hours)
{
    public static FlowActivityWindow Day { get; } = new("24h", 24);

    public static FlowActivityWindow Week { get; } = new("7d", 7 * 24);

    public static IReadOnlyList<FlowActivityWindow> All { get; } = [Day, Week];

    /// <returns>The window named <paramref name="name"/>, or null for any other text.</returns>
    public static FlowActivityWindow? Find(string? name) => All.FirstOrDefault(w => w.Name == name);
}
