using IntegrationHub.Connectors.PopulationDb;
using IntegrationHub.Contracts;
using Xunit;

namespace IntegrationHub.Connectors.Tests.PopulationDb;

public sealed class PersonalIdMaskTests
{
    [Theory]
    [InlineData("001089012345", "0010******45")]
    [InlineData(" 001089012345 ", "0010******45")]
    [InlineData("123456789", "1234***89")]
    [InlineData("123456", "******")]
    [InlineData("", "(none)")]
    [InlineData(null, "(none)")]
    public void Mask_keeps_the_first_four_and_last_two(string? id, string expected) =>
        Assert.Equal(expected, PersonalIdMask.Mask(id));

    [Fact]
    public void MaskAll_masks_every_id_in_a_text_and_leaves_short_numbers()
    {
        Assert.Equal("Công dân 0010******45 (CMND 1234***89) năm 1989", PersonalIdMask.MaskAll("Công dân 001089012345 (CMND 123456789) năm 1989"));
    }

    [Fact]
    public void Queries_and_records_print_the_id_masked()
    {
        var query = new CitizenQuery("001089012345", "Lê Văn An", new DateOnly(1989, 1, 2));
        var record = new CitizenRecord("001089012345", "Lê Văn An", "19890102", "1", new("01", "001", "00001"), new("01", "001", "00001"), new("01", "001", "00001"));

        Assert.DoesNotContain("001089012345", query.ToString() + record, StringComparison.Ordinal);
        Assert.Contains("0010******45", query.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_full_id_reaches_the_log_or_the_exceptions_of_lookups()
    {
        await using var rig = await PopulationTestRig.StartAsync();
        var connector = rig.Connector();
        var matched = rig.Sandbox.KnownCitizen(1);
        var mismatched = rig.Sandbox.KnownCitizen(2);
        var failed = rig.Sandbox.KnownCitizen(3);
        var messages = new List<string>();

        await connector.VerifyAsync(PopulationTestRig.QueryFor(matched), CancellationToken.None);
        await connector.VerifyAsync(PopulationTestRig.QueryFor(mismatched, "Tên Khác"), CancellationToken.None);
        await connector.VerifyAsync(new CitizenQuery("056099999999", "Không Có", new DateOnly(2000, 1, 1)), CancellationToken.None);
        rig.Sandbox.FailNext(PopulationDbSandboxFault.SoapFault, 3);
        messages.Add((await Assert.ThrowsAsync<ConnectorException>(() => connector.VerifyAsync(PopulationTestRig.QueryFor(failed), CancellationToken.None))).ToString());
        rig.Sandbox.FailNext(PopulationDbSandboxFault.ServerError, 3);
        messages.Add((await Assert.ThrowsAsync<ConnectorException>(() => connector.VerifyAsync(PopulationTestRig.QueryFor(failed), CancellationToken.None))).ToString());

        var text = rig.Log.Text + string.Join(Environment.NewLine, messages);
        Assert.Contains(PersonalIdMask.Mask(matched.SoDinhDanh), text, StringComparison.Ordinal);
        Assert.Contains(PersonalIdMask.Mask(failed.SoDinhDanh), text, StringComparison.Ordinal);
        foreach (var id in new[] { matched.SoDinhDanh, mismatched.SoDinhDanh, failed.SoDinhDanh, "056099999999" })
        {
            Assert.DoesNotContain(id, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_sandbox_generates_deterministic_12_digit_ids_with_the_province_code()
    {
        var first = new PopulationDbSandbox(new PopulationDbSandboxOptions { CitizenCount = 3000, ApiKey = "k", MaTichHop = "m" });
        var second = new PopulationDbSandbox(new PopulationDbSandboxOptions { CitizenCount = 3000, ApiKey = "k", MaTichHop = "m" });

        var ids = Enumerable.Range(0, first.CitizenCount).Select(i => first.KnownCitizen(i)).ToList();

        Assert.Equal(3000, ids.Select(c => c.SoDinhDanh).Distinct().Count());
        Assert.All(ids, c => Assert.Matches(@"^056[0-3]\d{8}$", c.SoDinhDanh));
        Assert.Equal(first.KnownCitizen(2999), second.KnownCitizen(2999));
        Assert.Contains(ids, c => c.HoVaTen.Any(ch => ch > 127));
    }
}
