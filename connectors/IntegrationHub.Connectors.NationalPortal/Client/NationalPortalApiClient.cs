using System.Text.Json;
using IntegrationHub.Connectors.NationalPortal.Protocol;
using IntegrationHub.Contracts;
using RestSharp;

namespace IntegrationHub.Connectors.NationalPortal.Client;

/// <summary>The portal's two endpoints over RestSharp: login, and the integration envelope. One call, one attempt:
/// retries belong to the host's resilience pipeline inside the HttpClient.</summary>
internal sealed class NationalPortalApiClient(RestClient rest, NationalPortalOptions options)
{
    private const string LoginOperation = "login";

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

    private async Task<PortalReply> PostAsync<TBody>(string resource, TBody body, string operation, CancellationToken cancellationToken)
    {
        var request = new RestRequest(resource, Method.Post)
            .AddStringBody(JsonSerializer.Serialize(body, PortalJson.Options), ContentType.Json);
        var response = await rest.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);

        // RestSharp turns the caller's cancellation into a response; the caller must see it as cancellation.
        cancellationToken.ThrowIfCancellationRequested();
        var failure = PortalFailures.Classify(response, operation);
        if (failure is not null)
        {
            throw new ConnectorException(failure, response.ErrorException);
        }

        return PortalReply.Parse(response.RawBytes, operation);
    }
}
