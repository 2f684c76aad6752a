namespace IntegrationHub.Host;

/// <summary>The host cannot start; the message says what to fix. Program prints it and exits with code 2.</summary>
public sealed class HubStartupException(string message) : Exception(message)
{
    /// <summary>The one start-up report: the environment the hub runs in (so a Production recipe that ends up in
    /// Development, or the reverse, is seen at once), then every problem.</summary>
    public static HubStartupException ForProblems(string environmentName, IReadOnlyCollection<string> problems, string? hint = null) => new(
        $"IntegrationHub cannot start in environment '{environmentName}': {problems.Count} configuration problem(s):{Environment.NewLine}" +
        string.Join(Environment.NewLine, problems.Select(p => " - " + p)) +
        (hint is null ? "" : Environment.NewLine + hint));
}
