using System.Text.Json;
using IntegrationHub.Contracts;
using IntegrationHub.Host.Enrichment;
using IntegrationHub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Tests.Citizens;

/// <summary>The citizen-verification step against the SOAP sandbox and the hub's database: which declarations are
/// looked up, which answers are reused, which messages are skipped or become dead letters.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CitizenVerificationEnricherTests(PostgresCluster cluster)
{
    [Fact]
    public async Task A_declaration_changed_and_changed_back_is_verified_again_and_a_repeat_of_the_latest_is_skipped()
    {
        await using var rig = await PopulationRig.StartAsync(cluster);
        var (population, hub) = (rig.Population, rig.Hub);
        var enricher = hub.Services.GetServices<IMessageEnricher>().Single(e => e.Name == "citizen-verification");
        var citizen = population.KnownCitizen(7);
        var born = DateOnly.ParseExact(citizen.NgaySinh, "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var right = Dossier(citizen.SoDinhDanh, citizen.HoVaTen, born);
        var wrong = Dossier(citizen.SoDinhDanh, citizen.HoVaTen, born.AddDays(3));

        var first = await enricher.EnrichAsync("citizen-checks", Message(1, right), CancellationToken.None);
        var retried = await enricher.EnrichAsync("citizen-checks", Message(1, right) with { Attempt = 2 }, CancellationToken.None);
        var sameAgain = await enricher.EnrichAsync("citizen-checks", Message(2, right), CancellationToken.None);
        Assert.Equal(1, population.RequestCount);
        var changed = await enricher.EnrichAsync("citizen-checks", Message(3, wrong), CancellationToken.None);
        var changedBack = await enricher.EnrichAsync("citizen-checks", Message(4, right), CancellationToken.None);

        Assert.Equal("KHOP", KetQua(first));
        // The recorded answer (kept as jsonb, so keys may come back reordered), not a second lookup.
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(first.Payload!), System.Text.Json.Nodes.JsonNode.Parse(retried.Payload!)));
        Assert.NotNull(sameAgain.SkipReason);
        Assert.Equal("KHONG_KHOP", KetQua(changed));
        Assert.Equal("KHOP", KetQua(changedBack));
        Assert.Equal(3, population.RequestCount);
    }

    [Fact]
    public async Task A_non_citizen_is_skipped_and_a_dossier_without_a_usable_declaration_is_a_dead_letter_without_a_lookup()
    {
        await using var rig = await PopulationRig.StartAsync(cluster);
        var (population, hub) = (rig.Population, rig.Hub);
        var enricher = hub.Services.GetServices<IMessageEnricher>().Single(e => e.Name == "citizen-verification");

        var business = await enricher.EnrichAsync("citizen-checks", Message(1, Dossier("056085123485", "Công ty TNHH An Phát", new DateOnly(1980, 1, 2), loaiDoiTuong: 2)), CancellationToken.None);
        var noBirthDate = await enricher.EnrichAsync("citizen-checks", Message(2, """{"maHoSo":"HS-2","loaiDoiTuong":1,"chuHoSo":"Lê Văn Nam","soDinhDanh":"056085123485"}"""), CancellationToken.None);
        var badId = await enricher.EnrichAsync("citizen-checks", Message(3, Dossier("05608512348", "Lê Văn Nam", new DateOnly(1980, 1, 2))), CancellationToken.None);
        var notJson = await enricher.EnrichAsync("citizen-checks", Message(4, "<hoSo/>"), CancellationToken.None);

        Assert.NotNull(business.SkipReason);
        Assert.All(new[] { noBirthDate, badId, notJson }, o =>
        {
            Assert.Equal(FailureKind.Permanent, o.Failure?.Kind);
            Assert.Equal("CITIZEN-CHECK-INPUT", o.Failure!.Code);
            Assert.DoesNotContain("056085123485", o.Failure.Message, StringComparison.Ordinal);
        });
        Assert.Equal(0, population.RequestCount);
    }

    private static string Dossier(string id, string name, DateOnly born, int loaiDoiTuong = 1) => JsonSerializer.Serialize(new
    {
        maHoSo = "000.20.30.H56-261128-0001",
        maTTHC = "1.001612.000.00.00.H56",
        chuHoSo = name,
        loaiDoiTuong,
        soDinhDanh = id,
        ngaySinh = born.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    });

    private static OutboundMessage Message(long id, string payload) => new(id, $"key-{id}", "000.20.30.H56-261128-0001", "000.20.30.H56-261128-0001", payload, 1);

    private static string? KetQua(EnrichmentOutcome outcome) =>
        JsonDocument.Parse(outcome.Payload ?? throw new InvalidOperationException($"no payload: {outcome}")).RootElement.GetProperty("KetQua").GetString();
}
