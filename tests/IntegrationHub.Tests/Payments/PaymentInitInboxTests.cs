using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Tests.Infrastructure;
using Xunit;

namespace IntegrationHub.Tests.Payments;

/// <summary>payment-init is a message type the payments module's own endpoint takes (it answers the payment URL): the
/// hub's inbound API refuses it, naming that endpoint, and stores nothing.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PaymentInitInboxTests(PostgresCluster cluster)
{
    [Fact]
    public async Task A_signed_payment_init_pushed_to_the_inbox_is_refused_404_naming_the_init_endpoint()
    {
        await using var rig = await PaymentRig.StartAsync(cluster);
        var data = new { MaHoSo = rig.MaHoSo, MaTTHC = "1.003560.000.00.00.H56", HoTenNguoiNop = "Nguyễn Văn An", PhiLePhi = new[] { new { TenPhiLePhi = "Lệ phí", SoTien = 50_000 } } };

        var response = await rig.Portal.PostAsync("api/inbound/cong-dvc/payment-init", JsonContent.Create(new { messageId = "inbox-init-1", data }, options: JsonSerializerOptions.Default));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("unknown_message_type", problem.GetProperty("code").GetString());
        Assert.Equal("payment-init is sent to /api/payments/init/{partner}, which answers the payment URL.", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await PaymentTestKit.ScalarAsync(rig.Database, "select count(*) from hub.inbox where message_type = 'payment-init'"));
        Assert.Equal(0, await PaymentTestKit.ScalarAsync(rig.Database, "select count(*) from hub.payments"));
    }
}
