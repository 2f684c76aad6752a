using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IntegrationHub.Contracts.Privacy;
using Npgsql;

namespace IntegrationHub.Connectors.PaymentPlatform.Payments;

/// <summary>Payments in PostgreSQL. Settling is one transaction: the payment's state and, when paid, the "fee paid"
/// event in the inbox for the <c>payment-platform:callbacks</c> flow, so iGate hears of each payment exactly once.
/// Its tables (<c>hub.payments</c>, <c>hub.payment_reference_seq</c>) were created by the host's migrations
/// (host/IntegrationHub.Host/Storage/Migrations), which stay there: databases have applied them under their numbers.
/// What it stores as received (the INIT request, with the payer's SoCMNDNguoiNop; the "fee paid" event in the inbox)
/// has its personal ids encrypted like every stored payload (<see cref="IPersonalDataPayloads"/>); hashes are the
/// plaintext's, and the router and delivery read the inbox event as they read any push.</summary>
public sealed class PaymentStore(NpgsqlDataSource dataSource, IPersonalDataPayloads personalData)
{
    private const string Columns = "ma_tham_chieu, partner, partner_message_id, ma_ho_so, so_tien, status, url_thanh_toan, ma_giao_dich, ma_ngan_hang, thoi_gian_gd, settled_by, created_at, settled_at, query_count";

    /// <returns>The payment for this partner message (new, or the one an earlier copy created).</returns>
    /// <param name="timeZone">The local date in the MaThamChieu is this zone's.</param>
    public async Task<PaymentRecord> CreateAsync(string partner, string messageId, string maHoSo, long soTien, string requestJson, string prefix, string timeZone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            with inserted as (
                insert into hub.payments (ma_tham_chieu, partner, partner_message_id, ma_ho_so, so_tien, request, status, created_at)
                values (@prefix || to_char(@now at time zone @zone, 'YYMMDD') || lpad(nextval('hub.payment_reference_seq')::text, 8, '0'),
                        @partner, @message, @ma_ho_so, @so_tien, @request::jsonb, 'new', @now)
                on conflict (partner, partner_message_id) do nothing
                returning {Columns})
            select {Columns} from inserted
            union all
            select {Columns} from hub.payments where partner = @partner and partner_message_id = @message
            limit 1
            """);
        command.Parameters.AddWithValue("prefix", prefix);
        command.Parameters.AddWithValue("zone", timeZone);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("partner", partner);
        command.Parameters.AddWithValue("message", messageId);
        command.Parameters.AddWithValue("ma_ho_so", maHoSo);
        command.Parameters.AddWithValue("so_tien", soTien);
        command.Parameters.AddWithValue("request", personalData.Protect(requestJson));
        if ((await ReadAsync(command, cancellationToken)).SingleOrDefault() is { } payment)
        {
            return payment;
        }

        // A concurrent copy committed after this statement's snapshot: read it now.
        await using var again = dataSource.CreateCommand($"select {Columns} from hub.payments where partner = @partner and partner_message_id = @message");
        again.Parameters.AddWithValue("partner", partner);
        again.Parameters.AddWithValue("message", messageId);
        return (await ReadAsync(again, cancellationToken)).Single();
    }

    public async Task MarkCreatedAsync(string maThamChieu, string url, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "update hub.payments set status = 'created', url_thanh_toan = @url where ma_tham_chieu = @ma and status = 'new'");
        command.Parameters.AddWithValue("ma", maThamChieu);
        command.Parameters.AddWithValue("url", url);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<PaymentRecord?> FindAsync(string maThamChieu, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select {Columns} from hub.payments where ma_tham_chieu = @ma");
        command.Parameters.AddWithValue("ma", maThamChieu);
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<PaymentRecord>> FindManyAsync(IReadOnlyCollection<string> references, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select {Columns} from hub.payments where ma_tham_chieu = any(@refs)");
        command.Parameters.AddWithValue("refs", references.ToArray());
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<PaymentRecord>> ByDossierAsync(string maHoSo, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select {Columns} from hub.payments where ma_ho_so = @ma order by created_at");
        command.Parameters.AddWithValue("ma", maHoSo);
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>Settled payments whose platform time (<c>yyyyMMddHHmmss</c>, local) falls on <paramref name="day"/>.</summary>
    public async Task<IReadOnlyList<PaymentRecord>> SettledOnAsync(DateOnly day, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"select {Columns} from hub.payments where status in ('paid', 'failed') and thoi_gian_gd like @day || '%'");
        command.Parameters.AddWithValue("day", day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture));
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>Open payments created between <paramref name="maxAge"/> and <paramref name="minAge"/> ago, least recently queried first.</summary>
    public async Task<IReadOnlyList<string>> DueForQueryAsync(DateTimeOffset now, TimeSpan minAge, TimeSpan maxAge, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select ma_tham_chieu from hub.payments
            where status = 'created' and created_at <= @newest and created_at >= @oldest
            order by last_queried_at nulls first, created_at limit @limit
            """);
        command.Parameters.AddWithValue("newest", now - minAge);
        command.Parameters.AddWithValue("oldest", now - maxAge);
        command.Parameters.AddWithValue("limit", limit);
        var references = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            references.Add(reader.GetString(0));
        }

        return references;
    }

    public async Task MarkQueriedAsync(string maThamChieu, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "update hub.payments set last_queried_at = @now, query_count = query_count + 1 where ma_tham_chieu = @ma");
        command.Parameters.AddWithValue("ma", maThamChieu);
        command.Parameters.AddWithValue("now", now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<SettleOutcome> SettleAsync(PaymentSettlement settlement, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        PaymentRecord? payment;
        await using (var find = new NpgsqlCommand($"select {Columns} from hub.payments where ma_tham_chieu = @ma for update", connection, transaction))
        {
            find.Parameters.AddWithValue("ma", settlement.MaThamChieu);
            payment = (await ReadAsync(find, cancellationToken)).SingleOrDefault();
        }

        var outcome = payment switch
        {
            null => SettleOutcome.Unknown,
            _ when payment.SoTien != settlement.SoTien => SettleOutcome.AmountMismatch,
            { Status: PaymentRecord.Paid } => settlement.Paid ? SettleOutcome.Unchanged : SettleOutcome.Conflict,
            // A success after a reported failure wins: the citizen's money was taken.
            { Status: PaymentRecord.Failed } => settlement.Paid ? SettleOutcome.Settled : SettleOutcome.Unchanged,
            _ => SettleOutcome.Settled,
        };
        if (outcome != SettleOutcome.Settled)
        {
            return outcome;
        }

        await using (var update = new NpgsqlCommand("""
            update hub.payments set status = @status, ma_giao_dich = @giao_dich, ma_ngan_hang = @ngan_hang, thoi_gian_gd = @thoi_gian,
                settled_by = @by, settled_at = @now
            where ma_tham_chieu = @ma
            """, connection, transaction))
        {
            update.Parameters.AddWithValue("status", settlement.Paid ? PaymentRecord.Paid : PaymentRecord.Failed);
            update.Parameters.AddWithValue("giao_dich", settlement.MaGiaoDich);
            update.Parameters.AddWithValue("ngan_hang", settlement.MaNganHang);
            update.Parameters.AddWithValue("thoi_gian", settlement.ThoiGianGD);
            update.Parameters.AddWithValue("by", settlement.SettledBy);
            update.Parameters.AddWithValue("now", now);
            update.Parameters.AddWithValue("ma", settlement.MaThamChieu);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        if (settlement.Paid)
        {
            await AddPaidEventAsync(connection, transaction, payment!, settlement, now, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }

    /// <summary>The "fee paid" message for iGate, keyed by the payment so it can exist once whatever reported it.</summary>
    private async Task AddPaidEventAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, PaymentRecord payment, PaymentSettlement settlement, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Serialize(new
        {
            payment.MaHoSo,
            payment.MaThamChieu,
            payment.SoTien,
            settlement.MaGiaoDich,
            settlement.MaNganHang,
            ThoiGianThanhToan = settlement.ThoiGianGD,
        });
        await using var insert = new NpgsqlCommand("""
            with inserted as (
                insert into hub.inbox (receipt_id, partner, message_type, partner_message_id, record_key, business_key, payload, payload_sha256, received_at)
                values (@receipt, @partner, @type, @id, @record, @key, @payload, @hash, @now)
                returning id) -- a repeat is skipped by the inbox's key guard (hub.inbox_keys) and returns nothing
            insert into hub.inbox_unrouted (inbox_id, source) select id, @partner || ':' || @type from inserted
            """, connection, transaction);
        insert.Parameters.AddWithValue("receipt", Guid.CreateVersion7(now));
        insert.Parameters.AddWithValue("partner", PaymentPlatformConnector.ConnectorId);
        insert.Parameters.AddWithValue("type", PaymentPlatformConnector.CallbacksStream);
        insert.Parameters.AddWithValue("id", "paid:" + payment.MaThamChieu);
        // Each payment is its own record (a dossier may have several fees; none supersedes another), found by MaHoSo.
        insert.Parameters.AddWithValue("record", payment.MaThamChieu);
        insert.Parameters.AddWithValue("key", payment.MaHoSo);
        insert.Parameters.AddWithValue("payload", personalData.Protect(payload));
        insert.Parameters.AddWithValue("hash", SHA256.HashData(Encoding.UTF8.GetBytes(payload)));
        insert.Parameters.AddWithValue("now", now);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<PaymentRecord>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var list = new List<PaymentRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            list.Add(new PaymentRecord(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4), reader.GetString(5),
                Text(6), Text(7), Text(8), Text(9), Text(10), reader.GetFieldValue<DateTimeOffset>(11),
                reader.IsDBNull(12) ? null : reader.GetFieldValue<DateTimeOffset>(12), reader.GetInt32(13)));
        }

        return list;
    }
}
