using Npgsql;

namespace IntegrationHub.Host.Inbound;

/// <summary>Records a request's nonce on its own, for signed endpoints that do not go through the inbox writer
/// (which records nonces in the message's own transaction).</summary>
public sealed class NonceStore(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    /// <returns>False when the nonce was used before: the request is a replay.</returns>
    public async Task<bool> TryUseAsync(InboundCaller caller, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "insert into hub.inbound_nonces (partner, nonce, seen_at) values (@partner, @nonce, @now) on conflict do nothing");
        command.Parameters.AddWithValue("partner", caller.PartnerId);
        command.Parameters.AddWithValue("nonce", caller.Nonce);
        command.Parameters.AddWithValue("now", timeProvider.GetUtcNow());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
