namespace IntegrationHub.Contracts;

/// <summary>The outcome of a check; <see cref="Problems"/> lists every problem found, not only the first.</summary>
public sealed record CheckResult(bool Succeeded, IReadOnlyList<string> Problems)
{
    public static CheckResult Success { get; } = new(true, []);

    public static CheckResult Failed(params string[] problems) => new(false, problems);
}
