using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IntegrationHub.Connectors.PopulationDb.Citizens;
using IntegrationHub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IntegrationHub.Tests.Citizens;

/// <summary>Bad reveal requests get a clear problem and record nothing; the API needs an admin login.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CitizenRevealValidationTests(PostgresCluster cluster)
{
    [Fact]
    public async Task Bad_reveal_requests_are_refused_with_a_code_and_record_no_reveal()
    {
        var database = await cluster.CreateDatabaseAsync();
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(database));
        var store = hub.Services.GetRequiredService<CitizenLookupStore>();
        var id = await store.AddAsync(new CitizenLookupEntry(DateTimeOffset.UtcNow, "flow:citizen-checks", "citizen-checks", null, "HS-1",
            "056085123485", "hash", "match", [], null, 12, """{"MaHoSo":"HS-1"}"""), CancellationToken.None);
        using var client = TestHub.AdminClient(hub);

        async Task ExpectAsync(HttpContent content, HttpStatusCode status, string code, long lookup = 0)
        {
            var response = await client.PostAsync($"api/citizen-lookups/{(lookup == 0 ? id : lookup)}/reveal", content);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(status, response.StatusCode);
            Assert.Equal(code, JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
            Assert.DoesNotContain("056085123485", body, StringComparison.Ordinal);
        }

        await ExpectAsync(new StringContent("{\"reason\":", Encoding.UTF8, "application/json"), HttpStatusCode.BadRequest, "malformed_json");
        await ExpectAsync(JsonContent.Create(new { reason = "Đối chiếu khiếu nại số 12/2026", extra = 1 }), HttpStatusCode.BadRequest, "malformed_json");
        await ExpectAsync(JsonContent.Create(new { }), HttpStatusCode.BadRequest, "reason_required");
        await ExpectAsync(JsonContent.Create(new { reason = "          " }), HttpStatusCode.BadRequest, "reason_required");
        await ExpectAsync(JsonContent.Create(new { reason = new string('x', 501) }), HttpStatusCode.BadRequest, "reason_required");
        await ExpectAsync(new StringContent(JsonSerializer.Serialize(new { reason = new string('x', 5000) }), Encoding.UTF8, "application/json"), HttpStatusCode.RequestEntityTooLarge, "body_too_large");
        await ExpectAsync(JsonContent.Create(new { reason = "Đối chiếu khiếu nại số 12/2026" }), HttpStatusCode.NotFound, "lookup_not_found", lookup: id + 1000);

        using var anonymous = new HttpClient { BaseAddress = hub.BaseAddress };
        var unauthenticated = await anonymous.PostAsJsonAsync($"api/citizen-lookups/{id}/reveal", new { reason = "Đối chiếu khiếu nại số 12/2026" });
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        var listed = await anonymous.GetAsync("api/citizen-lookups");
        Assert.Equal(HttpStatusCode.Unauthorized, listed.StatusCode);

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("select count(*) from hub.citizen_lookup_reveals", connection);
        Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
    }
}
