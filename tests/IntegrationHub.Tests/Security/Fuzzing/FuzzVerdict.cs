namespace IntegrationHub.Tests.Security.Fuzzing;

/// <summary>What a check made of one answer: a category to count it under (e.g. <c>202 stored</c>, <c>400 invalid_text</c>)
/// and, when the answer breaks a promise, why.</summary>
public sealed record FuzzVerdict(string Category, string? Failure = null)
{
    public static FuzzVerdict Fail(string why) => new("failed", why);
}
