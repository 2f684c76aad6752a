using System.Text.Json;
using IntegrationHub.Contracts.Privacy;

namespace IntegrationHub.Tests.Citizens;

public sealed class PersonalDataMaskTests
{
    /// <summary>The contract's rule for one id, the one the engine's texts and every module's logs share.</summary>
    [Theory]
    [InlineData("056085123485", "0560******85")]
    [InlineData(" 056085123485 ", "0560******85")]
    [InlineData("225123456", "2251***56")]
    [InlineData("123456", "******")]
    [InlineData(null, "(none)")]
    public void One_id_keeps_its_first_four_and_last_two_characters(string? id, string expected) =>
        Assert.Equal(expected, PersonalDataMask.MaskId(id));

    [Fact]
    public void An_id_in_a_text_is_masked_as_the_id_alone() =>
        Assert.Equal($"CCCD {PersonalDataMask.MaskId("056085123485")}.", PersonalDataMask.MaskText("CCCD 056085123485."));

    [Fact]
    public void Twelve_digit_ids_are_masked_wherever_they_are_in_a_json_payload_and_it_stays_json()
    {
        const string payload = """
            {"maHoSo":"000.20.30.H56-261128-0002","soDinhDanh":"056085123485","DinhDanhCHS":[{"LoaiDinhDanh":1,"SoDinhDanh":"079201004567"}],
             "ghiChu":"CCCD 001089012345 của người nộp","soCMND":"225123456","SoTien":150000000,
             "NgayTiepNhan":"20261128101500","soDienThoai":"0912345678"}
            """;

        var masked = PersonalDataMask.MaskPayload(payload);

        using var json = JsonDocument.Parse(masked);
        var root = json.RootElement;
        Assert.Equal("0560******85", root.GetProperty("soDinhDanh").GetString());
        Assert.Equal("0792******67", root.GetProperty("DinhDanhCHS")[0].GetProperty("SoDinhDanh").GetString());
        Assert.Equal("CCCD 0010******45 của người nộp", root.GetProperty("ghiChu").GetString());
        Assert.Equal("2251***56", root.GetProperty("soCMND").GetString());
        Assert.Equal(150000000, root.GetProperty("SoTien").GetInt64());
        Assert.Equal("20261128101500", root.GetProperty("NgayTiepNhan").GetString());
        Assert.Equal("0912345678", root.GetProperty("soDienThoai").GetString());
        Assert.Equal("000.20.30.H56-261128-0002", root.GetProperty("maHoSo").GetString());
        Assert.DoesNotContain("056085123485", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("079201004567", masked, StringComparison.Ordinal);
    }

    [Fact]
    public void A_twelve_digit_number_becomes_a_masked_string()
    {
        var masked = PersonalDataMask.MaskPayload("""{"id":179201004567,"n":[1,2]}""");

        Assert.Equal("""{"id":"1792******67","n":[1,2]}""", masked);
    }

    [Fact]
    public void Card_numbers_sent_as_numbers_nested_arrays_and_a_bare_string_payload_are_masked()
    {
        Assert.Equal("""{"soCMND":"2251***56","list":[["0792******67"],{"cmnd":["2251***57"]}]}""",
            PersonalDataMask.MaskPayload("""{"soCMND":225123456,"list":[["079201004567"],{"cmnd":["225123457"]}]}"""));
        Assert.Equal("\"0792******67\"", PersonalDataMask.MaskPayload("\"079201004567\""));
        Assert.Equal("[1,true,null]", PersonalDataMask.MaskPayload("[1,true,null]"));
    }

    [Theory]
    [InlineData("Dossier 079201004567 rejected", "Dossier 0792******67 rejected")]
    [InlineData("not json {079201004567", "not json {0792******67")]
    [InlineData("0792010045678 has 13 digits", "0792010045678 has 13 digits")]
    [InlineData("", "")]
    public void Free_text_and_broken_json_are_masked_as_text(string text, string expected) =>
        Assert.Equal(expected, text.StartsWith('{') ? PersonalDataMask.MaskPayload(text) : PersonalDataMask.MaskText(text));
}
