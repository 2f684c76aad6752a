using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;
using static IntegrationHub.Connectors.Tests.IGate.HubWritePayloads;

namespace IntegrationHub.Connectors.Tests.IGate;

/// <summary>The sandbox's payments and evaluations batch endpoints spoken to directly, as another client of iGate would.</summary>
public sealed class IGateWriteEndpointTests
{
    [Theory]
    [InlineData("payments")]
    [InlineData("evaluations")]
    public async Task Items_without_a_key_or_an_object_are_rejected_one_by_one(string stream)
    {
        await using var rig = await IGateTestRig.StartAsync();

        var (status, reply) = await PostAsync(rig, stream, """{"items":[{"payment":{}}, 42, {"idempotencyKey":"k1"}]}""");

        Assert.Equal(HttpStatusCode.OK, status);
        var results = reply["results"]!.AsArray();
        Assert.Equal(3, results.Count);
        Assert.All(results, r =>
        {
            Assert.Equal("rejected", (string?)r!["status"]);
            Assert.Equal("IGATE-400", (string?)r["errorCode"]);
        });
        Assert.Equal("k1", (string?)results[2]!["idempotencyKey"]);
    }

    [Theory]
    [InlineData("payments")]
    [InlineData("evaluations")]
    public async Task A_body_without_items_fails_the_whole_call(string stream)
    {
        await using var rig = await IGateTestRig.StartAsync();

        var (status, reply) = await PostAsync(rig, stream, """{"payments":[]}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("IGATE-400", (string?)reply["errorCode"]);
    }

    [Fact]
    public async Task A_typed_api_refuses_an_amount_sent_as_text()
    {
        await using var rig = await IGateTestRig.StartAsync();
        var maHoSo = Dossiers(rig, 1)[0];

        var (_, reply) = await PostAsync(rig, "payments", $$$"""
            {"items":[{"idempotencyKey":"k1","payment":{"maHoSo":"{{{maHoSo}}}","maThamChieu":"TT1","soTien":"150000","maGiaoDich":"GD1","thoiGianThanhToan":"{{{PaidAt}}}"}}]}
            """);

        var result = Assert.Single(reply["results"]!.AsArray())!;
        Assert.Equal("IGATE-422", (string?)result["errorCode"]);
        Assert.Equal("TT1", (string?)result["code"]);
    }

    private static async Task<(HttpStatusCode Status, JsonNode Reply)> PostAsync(IGateTestRig rig, string stream, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(rig.BaseAddress, $"api/v1/{stream}/batch"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", IGateTestRig.ApiKey);
        using var response = await rig.Http.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }
}
