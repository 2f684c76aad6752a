using System.Text.Json;

namespace IntegrationHub.Connectors.Kit;

/// <summary>Where and how a connector calls its counterparty over HTTP (see <see cref="CounterpartyHttpClient"/>).</summary>
/// <param name="BaseUrl">Root of the API; request paths resolve under it, and it may have a path of its own
/// (<c>https://host/igate</c> + <c>api/v1/ping</c> is <c>https://host/igate/api/v1/ping</c>).</param>
/// <param name="Counterparty">Its name and failure codes, for the kit's failure rule.</param>
public sealed record CounterpartyEndpoint(string BaseUrl, HttpCounterparty Counterparty)
{
    /// <summary>Sent on every call; null when the API authenticates some other way (a signed body, a session).</summary>
    public HttpAuth? Auth { get; init; }

    /// <summary>How JSON bodies are written and read.</summary>
    public JsonSerializerOptions Json { get; init; } = JsonSerializerOptions.Web;

    /// <summary>Reads the counterparty's own error (code and message) from the text of an error reply; null when the
    /// text holds none. Its code then replaces <c>{prefix}-HTTP-{status}</c> in the failure.</summary>
    public Func<string, CounterpartyError?>? ReadError { get; init; }

    public override string ToString() => $"{Counterparty.Name} at {BaseUrl}";
}
