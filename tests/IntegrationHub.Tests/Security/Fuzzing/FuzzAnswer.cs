using System.Text;

namespace IntegrationHub.Tests.Security.Fuzzing;

/// <summary>What the hub answered a generated request: status, media type, the idempotent-replay header, the body.</summary>
public sealed record FuzzAnswer(int Status, string? MediaType, bool Replayed, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public static async Task<FuzzAnswer> ReadAsync(HttpResponseMessage response) => new(
        (int)response.StatusCode,
        response.Content.Headers.ContentType?.MediaType,
        response.Headers.TryGetValues("Idempotent-Replayed", out var replayed) && replayed.Contains("true"),
        await response.Content.ReadAsByteArrayAsync());

    public override string ToString() => $"{Status} [{MediaType}] {FuzzRequest.Printable(Body, 600)}";
}
