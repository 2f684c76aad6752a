using Npgsql;

namespace IntegrationHub.Host.Evidence;

/// <summary>Reads log lines as evidence, the same way when linking and when verifying.</summary>
public static class EvidenceLineReader
{
    /// <summary>Columns of a log line <c>l</c> joined to its action <c>a</c> and, for "received", its message <c>m</c>:
    /// join them with <see cref="Joins"/>. The payload's hash is the plaintext's taken when the message was stored
    /// (migration 0045); a message stored before has its stored text's (kept in stored_payload_sha256 once re-encrypted).</summary>
    public const string Columns = """
        l.id, l.message_id, l.destination, l.event, l.detail, l.duration_ms, l.at, l.facts::text,
        l.action_id, a.action, a.operator, a.reason,
        m.flow_id, m.record_key, m.business_key, m.version, m.received_at, m.run_id,
        coalesce(m.stored_payload_sha256, m.payload_sha256, sha256(convert_to(m.payload::text, 'UTF8')))
        """;

    public const string Joins = """
        left join hub.operator_actions a on a.id = l.action_id
        left join hub.messages m on l.event = 'received' and m.id = l.message_id
        """;

    /// <summary>Reads the line at <paramref name="first"/> (its columns in <see cref="Columns"/> order), or null when
    /// the log line is absent (an outer join found nothing).</summary>
    public static EvidenceLine? Read(NpgsqlDataReader reader, int first)
    {
        if (reader.IsDBNull(first))
        {
            return null;
        }

        string? Text(int i) => reader.IsDBNull(first + i) ? null : reader.GetString(first + i);
        long? Long(int i) => reader.IsDBNull(first + i) ? null : reader.GetInt64(first + i);
        var message = reader.IsDBNull(first + 12) ? null : new EvidenceMessage(
            reader.GetString(first + 12), reader.GetString(first + 13), reader.GetString(first + 14), reader.GetString(first + 15),
            reader.GetFieldValue<DateTimeOffset>(first + 16), Long(17), reader.GetFieldValue<byte[]>(first + 18));
        return new EvidenceLine(
            reader.GetInt64(first), reader.GetInt64(first + 1), Text(2), reader.GetString(first + 3), Text(4),
            reader.IsDBNull(first + 5) ? null : reader.GetInt32(first + 5), reader.GetFieldValue<DateTimeOffset>(first + 6), Text(7),
            Long(8), Text(9), Text(10), Text(11), message);
    }
}
