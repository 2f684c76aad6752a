namespace IntegrationHub.Connectors.ECopy.Api;

/// <summary>The certification API's envelopes (designed, see <see cref="ECopyUrls"/>).</summary>
internal static class ECopyWire
{
    internal sealed record Page(IReadOnlyList<ECopyCertificate> Items, bool HasMore);

    internal sealed record Error(string MaLoi, string? MoTa);
}
