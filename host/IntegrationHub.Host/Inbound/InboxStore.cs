using Npgsql;
using NpgsqlTypes;

namespace IntegrationHub.Host.Inbound;

/// <summary>Stores a batch of submissions in one transaction: nonces first (a replayed one refuses its message), then
/// the messages (a repeated partner message id stores nothing and gets the original receipt: hub.inbox_keys, the replay
/// guard of migration 0028, whose trigger skips a row whose key is taken).</summary>
public static class InboxStore
{
    // Rows are inserted in key order so that two commit loops never wait on each other's keys in opposite orders.
    private const string InsertSql = """
        with input as (
            select * from unnest(@receipts, @partners, @types, @ids, @business_keys, @payloads, @hashes, @digests, @nonces, @trace_parents, @signatures)
                with ordinality as t(receipt_id, partner, message_type, partner_message_id, business_key, payload, payload_sha256, digest, nonce, trace_parent, signature, ord)),
        fresh_nonces as (
            insert into hub.inbound_nonces (partner, nonce, seen_at)
            select partner, nonce, @now from input order by partner, nonce
            on conflict do nothing
            returning partner, nonce),
        inserted as (
            insert into hub.inbox (receipt_id, partner, message_type, partner_message_id, business_key, payload, payload_sha256, payload_canonical_sha256, received_at, trace_parent, signature)
            select i.receipt_id, i.partner, i.message_type, i.partner_message_id, i.business_key, i.payload, i.payload_sha256, i.digest, @now, i.trace_parent, i.signature::jsonb
            from input i join fresh_nonces n on n.partner = i.partner and n.nonce = i.nonce
            order by i.partner, i.partner_message_id
            returning id, receipt_id, partner, message_type),
        queued as (
            insert into hub.inbox_unrouted (inbox_id, source) select id, partner || ':' || message_type from inserted)
        select i.ord, n.nonce is not null, ins.receipt_id is not null
        from input i
        left join fresh_nonces n on n.partner = i.partner and n.nonce = i.nonce
        left join inserted ins on ins.receipt_id = i.receipt_id
        order by i.ord
        """;

    private const string ExistingSql = """
        select k.partner, k.partner_message_id, b.receipt_id, b.message_type, b.payload_sha256, b.received_at
        from unnest(@partners, @ids) as q(partner, partner_message_id)
        join hub.inbox_keys k on k.partner = q.partner and k.partner_message_id = q.partner_message_id
        join hub.inbox b on b.id = k.inbox_id
        """;

    /// <param name="submissions">No two with the same partner and nonce (the caller refuses such repeats itself).</param>
    /// <param name="personalData">Encrypts the personal ids of the stored payloads. The hashes are the plaintext's: the
    /// body's as sent, and the payload's for the evidence of the messages routed from it (<see cref="Evidence.PayloadDigest"/>
    /// of its NFC form, what a message keeps), taken here before the encryption.</param>
    public static async Task<IReadOnlyList<InboxWriteResult>> WriteAsync(
        NpgsqlConnection connection, IReadOnlyList<InboundSubmission> submissions, DateTimeOffset now, PersonalData.PersonalDataPayloads personalData,
        CancellationToken cancellationToken)
    {
        var receipts = submissions.Select(_ => Guid.CreateVersion7(now)).ToArray();
        var results = new InboxWriteResult?[submissions.Count];
        var repeats = new List<int>();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = new NpgsqlCommand(InsertSql, connection, transaction))
        {
            insert.Parameters.AddWithValue("receipts", receipts);
            insert.Parameters.AddWithValue("partners", submissions.Select(s => s.PartnerId).ToArray());
            insert.Parameters.AddWithValue("types", submissions.Select(s => s.MessageType).ToArray());
            insert.Parameters.AddWithValue("ids", submissions.Select(s => s.MessageId).ToArray());
            insert.Parameters.Add(new NpgsqlParameter("business_keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = submissions.Select(s => s.BusinessKey).ToArray() });
            insert.Parameters.AddWithValue("payloads", submissions.Select(s => personalData.Protect(s.PayloadJson)).ToArray());
            insert.Parameters.AddWithValue("hashes", submissions.Select(s => s.PayloadHash).ToArray());
            insert.Parameters.Add(new NpgsqlParameter("digests", NpgsqlDbType.Array | NpgsqlDbType.Bytea)
            {
                Value = submissions.Select(s => Storage.PayloadCheck.Problem(s.PayloadJson, out var storable) is null ? Evidence.PayloadDigest.Of(storable) : null).ToArray(),
            });
            insert.Parameters.AddWithValue("nonces", submissions.Select(s => s.Nonce).ToArray());
            insert.Parameters.Add(new NpgsqlParameter("trace_parents", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = submissions.Select(s => s.TraceParent).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter("signatures", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = submissions.Select(s => s.Signature).ToArray() });
            insert.Parameters.AddWithValue("now", now);
            await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var index = (int)reader.GetInt64(0) - 1;
                var submission = submissions[index];
                if (!reader.GetBoolean(1))
                {
                    results[index] = InboxWriteResult.Refused(InboundError.NonceReplayed());
                }
                else if (reader.GetBoolean(2))
                {
                    results[index] = InboxWriteResult.Stored(new InboundReceipt(receipts[index], submission.PartnerId, submission.MessageType, submission.MessageId, now));
                }
                else
                {
                    repeats.Add(index);
                }
            }
        }

        if (repeats.Count > 0)
        {
            // Read committed: the original, committed by another transaction we waited for, is visible to this statement.
            await using var existing = new NpgsqlCommand(ExistingSql, connection, transaction);
            existing.Parameters.AddWithValue("partners", repeats.Select(i => submissions[i].PartnerId).ToArray());
            existing.Parameters.AddWithValue("ids", repeats.Select(i => submissions[i].MessageId).ToArray());
            var originals = new Dictionary<(string, string), (Guid Receipt, string Type, byte[] Hash, DateTimeOffset At)>();
            await using (var reader = await existing.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    originals[(reader.GetString(0), reader.GetString(1))] =
                        (reader.GetGuid(2), reader.GetString(3), reader.GetFieldValue<byte[]>(4), reader.GetFieldValue<DateTimeOffset>(5));
                }
            }

            foreach (var index in repeats)
            {
                var submission = submissions[index];
                results[index] = originals.TryGetValue((submission.PartnerId, submission.MessageId), out var original) && original.Hash.AsSpan().SequenceEqual(submission.PayloadHash)
                    ? InboxWriteResult.Repeat(new InboundReceipt(original.Receipt, submission.PartnerId, original.Type, submission.MessageId, original.At))
                    : InboxWriteResult.Refused(InboundError.MessageIdConflict(submission.MessageId));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return results.Select(r => r!).ToList();
    }
}
