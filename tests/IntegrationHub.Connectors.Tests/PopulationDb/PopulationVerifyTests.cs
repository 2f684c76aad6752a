using IntegrationHub.Connectors.PopulationDb;
using Xunit;

namespace IntegrationHub.Connectors.Tests.PopulationDb;

public sealed class PopulationVerifyTests
{
    [Fact]
    public async Task A_known_citizen_with_the_same_name_and_birth_date_matches_and_carries_the_record()
    {
        await using var rig = await PopulationTestRig.StartAsync();
        var citizen = rig.Sandbox.KnownCitizen(42);

        var result = await rig.Connector().VerifyAsync(PopulationTestRig.QueryFor(citizen), CancellationToken.None);

        Assert.Equal(CitizenVerificationKind.Match, result.Kind);
        Assert.Empty(result.Differences);
        Assert.Equal(citizen, result.Record);
        Assert.Equal(1, rig.Sandbox.LookupCount(citizen.SoDinhDanh));
    }

    [Fact]
    public async Task Case_spacing_and_composition_of_the_name_do_not_matter_but_diacritics_do()
    {
        await using var rig = await PopulationTestRig.StartAsync();
        var citizen = rig.Sandbox.KnownCitizen() with { SoDinhDanh = "056190000001", HoVaTen = "Nguyễn Thị Ánh Tuyết" };
        rig.Sandbox.Put(citizen);
        var connector = rig.Connector();

        var decomposed = await connector.VerifyAsync(PopulationTestRig.QueryFor(citizen, "  NGUYỄN   thị ánh tuyết ".Normalize(System.Text.NormalizationForm.FormD)), CancellationToken.None);
        var withoutDiacritics = await connector.VerifyAsync(PopulationTestRig.QueryFor(citizen, "Nguyen Thi Anh Tuyet"), CancellationToken.None);

        Assert.Equal(CitizenVerificationKind.Match, decomposed.Kind);
        Assert.Equal(CitizenVerificationKind.Mismatch, withoutDiacritics.Kind);
    }

    [Fact]
    public async Task A_different_name_is_a_mismatch_naming_the_field_and_the_recorded_value()
    {
        await using var rig = await PopulationTestRig.StartAsync();
        var citizen = rig.Sandbox.KnownCitizen(7);

        var result = await rig.Connector().VerifyAsync(PopulationTestRig.QueryFor(citizen, "Trần Văn Khác"), CancellationToken.None);

        Assert.Equal(CitizenVerificationKind.Mismatch, result.Kind);
        Assert.Equal([new CitizenFieldDifference("HoVaTen", "Trần Văn Khác", citizen.HoVaTen)], result.Differences);
        Assert.Equal(citizen, result.Record);
    }

    [Fact]
    public async Task A_different_birth_date_is_a_mismatch_with_both_dates_as_yyyyMMdd()
    {
        await using var rig = await PopulationTestRig.StartAsync();
        var citizen = rig.Sandbox.KnownCitizen(8);
        var declared = DateOnly.ParseExact(citizen.NgaySinh, "yyyyMMdd").AddDays(1);

        var result = await rig.Connector().VerifyAsync(PopulationTestRig.QueryFor(citizen, birth: declared), CancellationToken.None);

        Assert.Equal(CitizenVerificationKind.Mismatch, result.Kind);
        Assert.Equal([new CitizenFieldDifference("NgaySinh", declared.ToString("yyyyMMdd"), citizen.NgaySinh)], result.Differences);
    }

    [Fact]
    public async Task Name_and_birth_date_both_differing_are_both_listed()
    {
        await using var rig = await PopulationTestRig.StartAsync();
        var citizen = rig.Sandbox.KnownCitizen(9);

        var result = await rig.Connector().VerifyAsync(PopulationTestRig.QueryFor(citizen, "Lê Văn Sai", new DateOnly(1999, 9, 9)), CancellationToken.None);

        Assert.Equal(["HoVaTen", "NgaySinh"], result.Differences.Select(d => d.Field));
    }

    [Fact]
    public async Task An_unknown_id_is_not_found()
    {
        await using var rig = await PopulationTestRig.StartAsync();

        var result = await rig.Connector().VerifyAsync(new CitizenQuery("056099999999", "Không Có Ai", new DateOnly(1999, 1, 1)), CancellationToken.None);

        Assert.Equal(CitizenVerification.NotFound, result);
        Assert.Equal(1, rig.Sandbox.LookupCount("056099999999"));
    }

    [Fact]
    public async Task The_connectivity_check_passes_against_the_sandbox()
    {
        await using var rig = await PopulationTestRig.StartAsync();

        var result = await rig.Connector().CheckAsync(IntegrationHub.Contracts.CheckScope.Connectivity, CancellationToken.None);

        Assert.True(result.Succeeded, string.Join(" ", result.Problems));
    }

    [Fact]
    public async Task The_host_can_wrap_the_http_handler_and_sees_every_attempt()
    {
        await using var rig = await PopulationTestRig.StartAsync();
        var seen = 0;
        var connector = rig.Connector(outerHandler: inner => new CountingHandler(inner, () => Interlocked.Increment(ref seen)));

        await connector.VerifyAsync(PopulationTestRig.QueryFor(rig.Sandbox.KnownCitizen()), CancellationToken.None);

        Assert.Equal(1, seen);
    }

    private sealed class CountingHandler(HttpMessageHandler inner, Action onSend) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            onSend();
            return base.SendAsync(request, cancellationToken);
        }
    }
}
