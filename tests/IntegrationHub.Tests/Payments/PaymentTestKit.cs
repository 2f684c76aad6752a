using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Host;
using IntegrationHub.Tests.Infrastructure;
using Npgsql;

namespace IntegrationHub.Tests.Payments;

/// <summary>What the provincial portal does (signed INIT requests) and reads of the hub's payment tables.</summary>
internal static class PaymentTestKit
{
    public static HttpClient PortalClient(HubHost hub) =>
        new(new PartnerSigningHandler(TestHub.PortalPartnerKey, TestHub.PortalPartnerSecret)) { BaseAddress = hub.BaseAddress };

    public static async Task<(HttpResponseMessage Response, JsonElement Body)> InitAsync(HttpClient portal, string messageId, string maHoSo, params long[] fees)
    {
        var data = new
        {
            MaHoSo = maHoSo,
            MaTTHC = "1.003560.000.00.00.H56",
            TenTTHC = "Cấp giấy phép xây dựng",
            HoTenNguoiNop = "Nguyễn Văn An",
            SoCMNDNguoiNop = "001089012345",
            DiaChiNguoiNop = "Phường Bến Thành, TP Hồ Chí Minh",
            PhiLePhi = fees.Select((f, i) => new { LoaiPhiLePhi = "1", MaPhiLePhi = $"LP{i + 1}", TenPhiLePhi = $"Lệ phí {i + 1}", SoTien = f }).ToArray(),
        };
        var response = await portal.PostAsync("api/payments/init/cong-dvc", JsonContent.Create(new { messageId, data }, options: JsonSerializerOptions.Default));
        var text = await response.Content.ReadAsStringAsync();
        return (response, JsonDocument.Parse(text).RootElement);
    }

    public static async Task<long> ScalarAsync(string connectionString, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>What a callback may change (the payment, the inbox), as one comparable string.</summary>
    public static async Task<string> PaymentStateAsync(string connectionString, string maThamChieu)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select status || '|' || coalesce(ma_giao_dich, '') || '|' || coalesce(settled_at::text, '') || '|' || (select count(*) from hub.inbox) from hub.payments where ma_tham_chieu = @ma",
            connection);
        command.Parameters.AddWithValue("ma", maThamChieu);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
