using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Connectors.NationalPortal.Client;

/// <summary>A logged-in session shared by the concurrent calls of one read or write. When the portal reports it expired,
/// one caller logs in again and the others pick up the new token; each call is retried once.</summary>
internal sealed class NationalPortalSession(NationalPortalApiClient client, ILogger logger) : IDisposable
{
    private readonly SemaphoreSlim _loginGate = new(1, 1);
    private string? _token;

    public async Task LoginAsync(CancellationToken cancellationToken) =>
        await RenewAsync(staleToken: null, cancellationToken).ConfigureAwait(false);

    /// <summary>Calls a service; a portal error other than session expiry is <see cref="FailureKind.Permanent"/>.</summary>
    /// <param name="subject">What the call is about, for the failure message (e.g. the procedure code).</param>
    public async Task<PortalReply> CallAsync(string service, Dictionary<string, object?> item, string subject, CancellationToken cancellationToken)
    {
        var reply = await SendAsync(service, isUpdating: false, [item], subject, cancellationToken).ConfigureAwait(false);
        if (!reply.Succeeded)
        {
            throw new ConnectorException(new ConnectorFailure(
                FailureKind.Permanent, reply.ErrorCode, $"{service} {subject}: the portal answered error_code {reply.ErrorCode}: {reply.Message}"));
        }

        return reply;
    }

    /// <summary>Calls a service and returns the portal's answer whatever its error_code, except session expiry,
    /// which is handled here. Writers read per-item answers, so a business error is theirs to classify.</summary>
    public async Task<PortalReply> SendAsync(string service, bool isUpdating, IReadOnlyList<object> items, string subject, CancellationToken cancellationToken)
    {
        var token = Volatile.Read(ref _token) ?? await RenewAsync(null, cancellationToken).ConfigureAwait(false);
        var reply = await client.CallAsync(token, service, isUpdating, items, cancellationToken).ConfigureAwait(false);
        if (reply.SessionExpired)
        {
            // An expired session is refused before anything is applied, so sending the same items again is safe.
            NationalPortalLog.SessionExpired(logger, service);
            token = await RenewAsync(token, cancellationToken).ConfigureAwait(false);
            reply = await client.CallAsync(token, service, isUpdating, items, cancellationToken).ConfigureAwait(false);
            if (reply.SessionExpired)
            {
                // A fresh session rejected at once is the portal's trouble, not this data's: let a later run retry.
                throw new ConnectorException(new ConnectorFailure(
                    FailureKind.Transient, reply.ErrorCode, $"{service} {subject}: the session expired again right after logging in ({reply.Message})."));
            }
        }

        return reply;
    }

    private async Task<string> RenewAsync(string? staleToken, CancellationToken cancellationToken)
    {
        await _loginGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have logged in while this one waited.
            var current = _token;
            if (current is not null && current != staleToken)
            {
                return current;
            }

            var token = await client.LoginAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _token, token);
            return token;
        }
        finally
        {
            _loginGate.Release();
        }
    }

    public void Dispose() => _loginGate.Dispose();
}
