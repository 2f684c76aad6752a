namespace IntegrationHub.Connectors.ECopy.Api;

/// <summary>The certification API of the national portal's e-copy service, as this project DESIGNS it (no public
/// specification exists): REST, JSON, API key in <c>X-Api-Key</c>, errors as <c>{"maLoi","moTa"}</c>.
/// <c>GET api/v1/ping</c>: 200 when the key is accepted.
/// <list type="bullet">
/// <item><c>GET api/v1/certifications?after={seq}&amp;limit={n}</c>: certificates issued (never changed after), in
/// sequence order, strictly after <c>seq</c> (<see cref="ECopyCertificate"/>s in <c>{"items":[...],"hasMore":bool}</c>).</item>
/// <item><c>GET api/v1/certifications/{soChungThuc}/file</c>: the certified copy's bytes (its declared content type),
/// whose length and SHA-256 the certificate states; 404 for an unknown number.</item>
/// </list></summary>
public static class ECopyUrls
{
    public const string ApiKeyHeader = "X-Api-Key";
    public const string Ping = "api/v1/ping";
    public const string Certifications = "api/v1/certifications";

    public static string FileOf(string soChungThuc) => $"{Certifications}/{Uri.EscapeDataString(soChungThuc)}/file";
}
