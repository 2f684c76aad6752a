using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Connectors.PopulationDb;
using IntegrationHub.Tests.Infrastructure;

namespace IntegrationHub.Tests.Citizens;

/// <summary>An officer's own lookup through the admin API: answered with the id masked, audited under the officer's
/// name; bad input refused before any lookup; an unreachable database a clear 503, audited as failed.</summary>
[Collection(PostgresCollection.Name)]
public sealed class OfficerLookupTests(PostgresCluster cluster)
{
    [Fact]
    public async Task An_officer_lookup_is_answered_masked_and_audited_under_the_officers_name()
    {
        await using var rig = await PopulationRig.StartAsync(cluster);
        var (population, hub) = (rig.Population, rig.Hub);
        using var client = TestHub.AdminClient(hub);
        var citizen = population.KnownCitizen(3);
        var born = $"{citizen.NgaySinh[..4]}-{citizen.NgaySinh[4..6]}-{citizen.NgaySinh[6..]}";

        var refused = new[]
        {
            await client.PostAsJsonAsync("api/citizen-lookups", new { soDinhDanh = citizen.SoDinhDanh[..11], hoVaTen = citizen.HoVaTen, ngaySinh = born }),
            await client.PostAsJsonAsync("api/citizen-lookups", new { soDinhDanh = citizen.SoDinhDanh, hoVaTen = "", ngaySinh = born }),
            await client.PostAsJsonAsync("api/citizen-lookups", new { soDinhDanh = citizen.SoDinhDanh, hoVaTen = citizen.HoVaTen, ngaySinh = "31/12/1990" }),
            await client.PostAsJsonAsync("api/citizen-lookups", new { soDinhDanh = citizen.SoDinhDanh, hoVaTen = citizen.HoVaTen, ngaySinh = born, lyDo = "x" }),
        };
        Assert.All(refused, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Equal(["invalid_field", "invalid_field", "invalid_field", "malformed_json"],
            await Task.WhenAll(refused.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!)));
        Assert.Equal(0, population.RequestCount);

        var answered = await client.PostAsJsonAsync("api/citizen-lookups", new { soDinhDanh = citizen.SoDinhDanh, hoVaTen = citizen.HoVaTen, ngaySinh = born, maHoSo = "HS-QUAY-01" });
        var text = await answered.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.DoesNotContain(citizen.SoDinhDanh, text, StringComparison.Ordinal);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(PersonalIdMask.Mask(citizen.SoDinhDanh), body.GetProperty("soDinhDanh").GetString());
        Assert.Equal("KHOP", body.GetProperty("check").GetProperty("KetQua").GetString());
        var audited = Assert.Single((await client.GetFromJsonAsync<JsonElement[]>("api/citizen-lookups?dossier=HS-QUAY-01"))!);
        Assert.Equal(body.GetProperty("lookupId").GetInt64(), audited.GetProperty("id").GetInt64());
        Assert.Equal($"admin:{TestHub.AdminUser}", audited.GetProperty("requestedBy").GetString());
        Assert.Equal("match", audited.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task An_unreachable_population_database_is_a_503_and_the_failed_lookup_is_audited()
    {
        // Nothing listens on port 9 (the base settings' address).
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(await cluster.CreateDatabaseAsync()));
        using var client = TestHub.AdminClient(hub);

        var response = await client.PostAsJsonAsync("api/citizen-lookups", new { soDinhDanh = "056085123485", hoVaTen = "Lê Văn Nam", ngaySinh = "1985-02-03", maHoSo = "HS-QUAY-02" });
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("population_unavailable", JsonDocument.Parse(text).RootElement.GetProperty("code").GetString());
        Assert.DoesNotContain("056085123485", text, StringComparison.Ordinal);
        var audited = Assert.Single((await client.GetFromJsonAsync<JsonElement[]>("api/citizen-lookups?dossier=HS-QUAY-02"))!);
        Assert.Equal("failed", audited.GetProperty("outcome").GetString());
        Assert.Equal("0560******85", audited.GetProperty("personalIdMasked").GetString());
    }
}
