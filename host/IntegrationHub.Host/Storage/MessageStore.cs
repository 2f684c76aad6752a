using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Contracts;
using IntegrationHub.Contracts.Text;
using Npgsql;

namespace IntegrationHub.Host.Storage;

/// <summary>Makes records durable as messages, with their pending deliveries and the checkpoint after them, in one
/// transaction: a checkpoint is never saved ahead of the records it covers. Personal ids in payloads are stored
/// encrypted; each message keeps the SHA-256 of its plaintext payload (<see cref="Evidence.PayloadDigest"/>) for its
/// evidence.</summary>
public sealed class MessageStore(NpgsqlDataSource dataSource, PersonalData.PersonalDataPayloads personalData)
{
    /// <summary>Marks versions the hub derived from the payload: they can repeat (A, B, A), unlike a source's own.</summary>
    public const string HashedVersionPrefix = "#";

    /// <summary>Keys longer than this are not records of any counterparty the hub knows (MaHoSo is ~25 characters),
    /// and a few kilobytes would break PostgreSQL's btree index (2,704 bytes a row): such a record is a dead letter.</summary>
    public const int MaxKeyLength = 500;

    // Several versions of one record may come in one batch (a dossier's progress steps): each that differs from the
    // one before it is a message, in order; only the first of a record may be 'pending', the rest wait behind it.
    private const string AppendSql = """
        with input as (
            select * from unnest(@keys, @business_keys, @versions, @payloads, @digests, @problems, @trace_parents, @record_facts) with ordinality as t(record_key, business_key, version, payload, digest, problem, trace_parent, facts, ord)),
        ranked as (
            select i.*, lag(i.version) over (partition by i.record_key order by i.ord) as previous_in_batch
            from input i),
        -- The stored version is looked up key by key (a subquery per row, never a join): a join let the planner hash
        -- the flow's whole record_versions for every batch, a cost that grew with every record the flow ever had.
        known as (
            select r.*, (select rv.version from hub.record_versions rv where rv.flow_id = @flow and rv.record_key = r.record_key) as stored_version
            from ranked r),
        fresh as (
            select k.*, row_number() over (partition by k.record_key order by k.ord) as nth,
                   count(*) filter (where k.problem is null) over (partition by k.record_key order by k.ord) as nth_storable
            from known k
            where coalesce(k.previous_in_batch, k.stored_version) is distinct from k.version),
        latest as (
            select distinct on (record_key) record_key, version from input order by record_key, ord desc),
        versions as (
            insert into hub.record_versions as rv (flow_id, record_key, version)
            select @flow, record_key, version from latest
            on conflict (flow_id, record_key) do update set version = excluded.version where rv.version <> excluded.version),
        inserted as (
            insert into hub.messages (flow_id, record_key, business_key, version, payload, payload_sha256, received_at, run_id, trace_parent)
            select @flow, f.record_key, f.business_key, f.version, f.payload::jsonb, f.digest, @now, @run, f.trace_parent
            from fresh f
            order by f.ord
            returning id, record_key, trace_parent),
        -- Ids are drawn in insert order, which is batch order: pair each message with its input row by position.
        paired as (
            select i.id, i.record_key, f.problem, f.nth, f.nth_storable, f.facts
            from (select id, record_key, row_number() over (order by id) as position from inserted) i
            join (select problem, nth, nth_storable, facts, row_number() over (order by ord) as position from fresh) f on f.position = i.position),
        deliveries as (
            insert into hub.deliveries (message_id, destination, flow_id, record_key, status, attempts, last_error_code, last_error, updated_at)
            select p.id, d, @flow, p.record_key,
                   case when p.problem is not null then 'dead'
                        -- Behind an earlier message of the batch; without holding, a dead (unstorable) one does not count.
                        when (@hold and p.nth > 1) or (not @hold and p.nth_storable > 1) then 'waiting'
                        -- Scalar subqueries probe the index per record; an exists() here was planned as a hash of every
                        -- open delivery of the flow, read again for each batch however large the backlog.
                        -- hub.open_deliveries (0030) holds only open deliveries: one index, not one per month of history.
                        when (select true from hub.open_deliveries open
                              where open.destination = d and open.flow_id = @flow and open.record_key = p.record_key
                                and open.status in ('pending', 'waiting') limit 1) then 'waiting'
                        when @hold and (select true from hub.open_deliveries dead
                              where dead.destination = d and dead.flow_id = @flow and dead.record_key = p.record_key
                                and dead.status = 'dead' limit 1) then 'waiting'
                        else 'pending' end, 0,
                   case when p.problem is null then null else @invalid_code end, p.problem, @now
            from paired p cross join unnest(@destinations) as d),
        logged as (
            insert into hub.message_log (message_id, event, detail, facts, at)
            select id, 'received', @detail, coalesce(facts, @facts)::jsonb, @now from paired)
        select (select count(*) from inserted), (select count(*) from paired where problem is not null),
               (select array_agg(trace_parent) from inserted where trace_parent is not null)
        """;

    // A backfill re-reads a stream from an earlier point. A feed of each record's latest state is guarded by the stored
    // version alone, but a feed of events (a dossier's progress entries, version the entry's stt) returns versions older
    // than the stored one: each that was a message already (found through the business-key index) is not one again,
    // and only versions new to the hub move the stored one. Hashed versions can repeat (A, B, A: a change back) and are
    // left to the stored-version rule. Normal runs keep the plain statement.
    private static readonly string BackfillAppendSql = AppendSql
        .ReplaceOnce(
            "\n    from ranked r),",
            "\n           , (r.version not like '#%' and exists (select 1 from hub.messages m where m.business_key = r.business_key"
            + " and m.flow_id = @flow and m.record_key = r.record_key and m.version = r.version)) as seen\n    from ranked r),")
        .ReplaceOnce(
            "is distinct from k.version),",
            "is distinct from k.version and not k.seen),")
        .ReplaceOnce(
            "select distinct on (record_key) record_key, version from input order by record_key, ord desc),",
            "select distinct on (record_key) record_key, version from known where not seen order by record_key, ord desc),");

    /// <param name="filtered">Records read before these that the flow's filter passed over: counted as read and
    /// filtered by the run, committed with the checkpoint like the rest.</param>
    /// <param name="backfill">True for a backfill run: the checkpoint is its own position (in its row), never the flow's.</param>
    /// <returns>How many new messages were created (unchanged records are not messages).</returns>
    public async Task<int> AppendAsync(
        string flowId,
        long runId,
        IReadOnlyList<SourceRecord> records,
        IReadOnlyList<string> destinations,
        SourceCheckpoint? checkpoint,
        DateTimeOffset now,
        CancellationToken cancellationToken,
        bool holdBehindDeadLetter = true,
        int filtered = 0,
        AppendTraces? traces = null,
        bool backfill = false)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await DeliveryStore.LockFlowAsync(connection, transaction, flowId, cancellationToken);
        // The evidence of a pulled record: the checkpoint it was committed with (the source's position after it).
        var facts = checkpoint is null || backfill ? null : System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["checkpoint"] = checkpoint.State });
        var created = await AppendAsync(connection, transaction, flowId, runId, $"run {runId}", records, destinations, now, holdBehindDeadLetter, personalData, cancellationToken, traces, backfill, facts);

        if (checkpoint is not null && !backfill)
        {
            await using var save = new NpgsqlCommand(
                """
                insert into hub.checkpoints (flow_id, state, run_id, updated_at) values (@flow, @state, @run, @now)
                on conflict (flow_id) do update set state = excluded.state, run_id = excluded.run_id, updated_at = excluded.updated_at
                """, connection, transaction);
            save.Parameters.AddWithValue("flow", flowId);
            save.Parameters.AddWithValue("state", checkpoint.State);
            save.Parameters.AddWithValue("run", runId);
            save.Parameters.AddWithValue("now", now);
            await save.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var count = new NpgsqlCommand(
            """
            update hub.flow_runs set records_read = records_read + @read, records_filtered = records_filtered + @filtered,
                                     messages_created = messages_created + @created,
                                     backfill_position = case when @backfill then coalesce(@position, backfill_position) else backfill_position end
            where id = @run
            """,
            connection, transaction))
        {
            count.Parameters.AddWithValue("read", (long)records.Count + filtered);
            count.Parameters.AddWithValue("filtered", (long)filtered);
            count.Parameters.AddWithValue("created", (long)created);
            count.Parameters.AddWithValue("run", runId);
            count.Parameters.AddWithValue("backfill", backfill);
            count.Parameters.Add(new NpgsqlParameter<string?>("position", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = checkpoint?.State });
            await count.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return created;
    }

    /// <summary>Appends records as messages of <paramref name="flowId"/> inside the caller's transaction, which must hold
    /// the flow's lock (<see cref="DeliveryStore.LockFlowAsync"/>).</summary>
    /// <param name="detail">The "received" log line's detail (the run, or the inbound receipt).</param>
    /// <param name="traces">Each record's trace context, stored with its message; told which were stored.</param>
    /// <param name="backfill">A backfill's re-read: a version that was a message already is not one again.</param>
    /// <param name="facts">JSON object the "received" lines carry as evidence (the checkpoint), or null.</param>
    /// <param name="recordFacts">Per record, instead of <paramref name="facts"/>: a push's partner, receipt and signature.</param>
    /// <param name="personalData">Encrypts the personal ids of the stored payloads (after the hashed versions and the
    /// payload hashes are taken); tokens already in a payload are kept.</param>
    /// <param name="payloadDigests">Per record, the SHA-256 of its plaintext payload taken when it was first stored (a
    /// pushed message's, by the inbox, whose payload is encrypted already), or null where none was taken (the evidence
    /// then hashes the stored payload, as before migration 0045). Without it, the hashes are taken here.</param>
    /// <returns>How many new messages were created.</returns>
    public static async Task<int> AppendAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string flowId,
        long? runId,
        string detail,
        IReadOnlyList<SourceRecord> records,
        IReadOnlyList<string> destinations,
        DateTimeOffset now,
        bool holdBehindDeadLetter,
        PersonalData.PersonalDataPayloads personalData,
        CancellationToken cancellationToken,
        AppendTraces? traces = null,
        bool backfill = false,
        string? facts = null,
        IReadOnlyList<string?>? recordFacts = null,
        IReadOnlyList<byte[]?>? payloadDigests = null)
    {
        if (records.Count == 0)
        {
            return 0;
        }

        if (recordFacts is not null && recordFacts.Count != records.Count)
        {
            throw new ArgumentException("One set of facts per record is needed.", nameof(recordFacts));
        }

        if (payloadDigests is not null && payloadDigests.Count != records.Count)
        {
            throw new ArgumentException("One payload hash (or null) per record is needed.", nameof(payloadDigests));
        }

        if (traces is not null && traces.TraceParents.Count != records.Count)
        {
            throw new ArgumentException("One trace context per record is needed.", nameof(traces));
        }

        // Keys and payload text in NFC, so a record's key is one key however its source composed "Nguyễn"; text
        // PostgreSQL cannot store makes the record a dead letter (its key kept with U+FFFD), never a failed commit.
        var keys = new string[records.Count];
        var businessKeys = new string[records.Count];
        var versions = new string[records.Count];
        var payloads = new string[records.Count];
        var digests = new byte[]?[records.Count];
        var problems = new string?[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            problems[i] = PayloadCheck.Problem(record.Payload, out var payload);
            if (record.Problem is { } unreadable)
            {
                problems[i] = $"The source set this record aside: {StorableText.Sanitize(unreadable)}";
            }

            if ((StorableText.Problem(record.Key) ?? StorableText.Problem(record.BusinessKey) ?? StorableText.Problem(record.Version)) is { } keyProblem)
            {
                problems[i] ??= $"The record's key, business key or version holds {keyProblem}, which PostgreSQL cannot store.";
            }

            if (new[] { record.Key, record.BusinessKey, record.Version }.Any(k => k is { Length: > MaxKeyLength }))
            {
                problems[i] ??= $"The record's key, business key or version is longer than {MaxKeyLength} characters, more than PostgreSQL can index.";
            }

            keys[i] = Bounded(StorableText.Sanitize(record.Key));
            businessKeys[i] = Bounded(StorableText.Sanitize(record.BusinessKey ?? record.Key));
            versions[i] = record.Version is { } version ? Bounded(StorableText.Sanitize(version)) : HashedVersionPrefix + HashOf(payload);
            // After the version: a hashed version is the plaintext's, so encryption's random nonces never make a new one.
            payloads[i] = problems[i] is null ? payload : PayloadCheck.Wrap(record.Payload);
            // The plaintext's hash for the evidence, so the stored text can be re-encrypted (rotation) without changing it.
            digests[i] = payloadDigests is null ? Evidence.PayloadDigest.Of(payloads[i]) : problems[i] is null ? payloadDigests[i] : null;
            payloads[i] = personalData.Protect(payloads[i]);
        }

        await using var append = new NpgsqlCommand(backfill ? BackfillAppendSql : AppendSql, connection, transaction);
        append.Parameters.AddWithValue("keys", keys);
        append.Parameters.AddWithValue("business_keys", businessKeys);
        append.Parameters.AddWithValue("versions", versions);
        append.Parameters.AddWithValue("payloads", payloads);
        append.Parameters.Add(new NpgsqlParameter("digests", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Bytea) { Value = digests });
        append.Parameters.AddWithValue("problems", problems);
        append.Parameters.AddWithValue("invalid_code", PayloadCheck.ErrorCode);
        append.Parameters.AddWithValue("flow", flowId);
        append.Parameters.Add(new NpgsqlParameter<long?>("run", NpgsqlTypes.NpgsqlDbType.Bigint) { TypedValue = runId });
        append.Parameters.AddWithValue("now", now);
        append.Parameters.AddWithValue("destinations", destinations.ToArray());
        append.Parameters.AddWithValue("hold", holdBehindDeadLetter);
        append.Parameters.AddWithValue("detail", detail);
        append.Parameters.Add(new NpgsqlParameter<string?>("facts", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = facts });
        append.Parameters.Add(new NpgsqlParameter("record_facts", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text)
        {
            Value = recordFacts is null ? new string?[records.Count] : recordFacts.ToArray(),
        });
        append.Parameters.Add(new NpgsqlParameter("trace_parents", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text)
        {
            Value = traces is null ? new string?[records.Count] : traces.TraceParents.ToArray(),
        });
        await using var reader = await append.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var created = (int)reader.GetInt64(0);
        if (traces is not null)
        {
            traces.DeadLettered = (int)reader.GetInt64(1);
            traces.Stored = reader.IsDBNull(2) ? new HashSet<string>(StringComparer.Ordinal) : new HashSet<string>(reader.GetFieldValue<string[]>(2), StringComparer.Ordinal);
        }

        return created;
    }

    /// <summary>A key cut to what can be indexed; the record keeping it is a dead letter saying why.</summary>
    private static string Bounded(string key) =>
        key.Length <= MaxKeyLength ? key : key[..(char.IsHighSurrogate(key[MaxKeyLength - 1]) ? MaxKeyLength - 1 : MaxKeyLength)];

    /// <summary>Refreshes planner statistics of the message tables. A bulk run outpaces autovacuum, and plans made for
    /// an empty table turn the delivery claim into a scan.</summary>
    public async Task AnalyzeAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("analyze hub.messages; analyze hub.deliveries");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<SourceCheckpoint?> LoadCheckpointAsync(string flowId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select state from hub.checkpoints where flow_id = @flow");
        command.Parameters.AddWithValue("flow", flowId);
        return await command.ExecuteScalarAsync(cancellationToken) is string state ? new SourceCheckpoint(state) : null;
    }

    private static string HashOf(string payload) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(payload)));
}
