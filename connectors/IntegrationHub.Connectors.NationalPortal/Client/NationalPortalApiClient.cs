using System.Text.Json;
using IntegrationHub.Connectors.Kit;
using IntegrationHub.Connectors.NationalPortal.Protocol;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.NationalPortal.Client;

/// <summary>The portal's two endpoints over the kit's <see cref="CounterpartyHttpClient"/>: login, and the integration
/// envelope. One call, one attempt: retries belong to the host's resilience pipeline inside the HttpClient. Transport
/// failures follow the kit's rule in the portal's own lower-case codes (<c>http-503</c>, <c>timeout</c>,
/// <c>network</c>), each message led by the operation.</summary>
internal sealed class NationalPortalApiClient(HttpClient httpClient, NationalPortalOptions options)
{
    private const string LoginOperation = "login";

    private readonly CounterpartyHttpClient _http = new(httpClient, new CounterpartyEndpoint(
        options.BaseUrl ?? string.Empty,
        new HttpCounterparty("the portal", new HttpFailureCodes("timeout", "network", "http-", PortalReply.MalformedCode))
        {
            CredentialsHint = "Check Username and Password.",
            AddressHint = "Check BaseUrl.",

            // The portal has two fixed endpoints: a 404/405 means a wrong BaseUrl, not a refusal of this data.
            WrongAddressStatuses = new HashSet<int> { 404, 405 },
        })
    {
        Json = PortalJson.Options,
    });

    /// <returns>A new session token.</returns>
    public async Task<string> LoginAsync(CancellationToken cancellationToken)
    {
        var body = new LoginRequest(options.Username ?? string.Empty, options.Password ?? string.Empty);
        var reply = await PostAsync(NationalPortalProtocol.LoginPath, body, LoginOperation, cancellationToken).ConfigureAwait(false);
        if (!reply.Succeeded)
        {
            throw new ConnectorException(new ConnectorFailure(
                FailureKind.Config,
                reply.ErrorCode,
                $"{LoginOperation}: the portal rejected user '{options.Username}' (error_code {reply.ErrorCode}: {reply.Message}). Check Username and Password."));
        }

        if (!reply.Body.TryGetProperty("session", out var session)
            || session.ValueKind != JsonValueKind.String
            || string.IsNullOrEmpty(session.GetString()))
        {
            throw PortalReply.Malformed(LoginOperation, "the reply has no session", null);
        }

        return session.GetString()!;
    }

    /// <summary>One call of the integration endpoint; the reply's error_code is left to the caller.</summary>
    public Task<PortalReply> CallAsync(string session, string service, bool isUpdating, IReadOnlyList<object> items, CancellationToken cancellationToken)
    {
        var body = new IntegrationRequest(session, options.UnitCode, service, isUpdating, items);
        return PostAsync(NationalPortalProtocol.IntegrationPath, body, service, cancellationToken);
    }

    private async Task<PortalReply> PostAsync(string resource, object body, string operation, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await _http.PostJsonAsync(resource, body, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorException exception)
        {
            throw new ConnectorException(exception.Failure with { Message = $"{operation}: {exception.Failure.Message}" }, exception.InnerException);
        }

        return PortalReply.Parse(text, operation);
    }
}
