using System.Text;

namespace IntegrationHub.Connectors.Kit;

/// <summary>Credentials sent on every call to a counterparty, as one request header: an API key
/// (<see cref="ApiKey"/>) or HTTP Basic (<see cref="Basic"/>). A connector hands it to
/// <see cref="CounterpartyHttpClient"/> (or, for a client that builds its own HTTP stack, to
/// <see cref="HttpAuthHandler"/>); its sandbox checks the same value with <c>SandboxAuthFilter</c>.
/// The value is a secret: <see cref="ToString"/> leaves it out.</summary>
public sealed class HttpAuth
{
    private HttpAuth(string headerName, string headerValue)
    {
        HeaderName = headerName;
        HeaderValue = headerValue;
    }

    public string HeaderName { get; }

    /// <summary>The header's value: the secret itself, or <c>Basic base64(user:password)</c>.</summary>
    public string HeaderValue { get; }

    /// <param name="headerName">E.g. <c>X-Api-Key</c>.</param>
    public static HttpAuth ApiKey(string headerName, string apiKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(headerName);
        ArgumentNullException.ThrowIfNull(apiKey);
        return new HttpAuth(headerName, apiKey);
    }

    /// <summary>HTTP Basic (RFC 7617), UTF-8.</summary>
    /// <exception cref="ArgumentException">The user name holds a colon, which Basic cannot carry.</exception>
    public static HttpAuth Basic(string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(password);
        if (userName.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException("A Basic user name cannot hold ':'.", nameof(userName));
        }

        return new HttpAuth("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{userName}:{password}")));
    }

    /// <summary>Sets the header on the request, replacing any value it had.</summary>
    public void ApplyTo(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Remove(HeaderName);
        request.Headers.TryAddWithoutValidation(HeaderName, HeaderValue);
    }

    public override string ToString() => $"{HeaderName}: ***";
}
