using IntegrationHub.Host.Configuration;
using Microsoft.Extensions.Configuration;

namespace IntegrationHub.Tests.Configuration;

/// <summary>What a flow filter read from JSON config lets through: every field must hold one of its values. Config
/// keeps no JSON kinds, so a value matches a string field by its text and a number field by value (2 matches 2, 2.0 and
/// "2"); true, false and null match themselves.</summary>
public sealed class FlowFilterMatchingTests
{
    [Theory]
    [InlineData("""{"HinhThucNhanKetQua":"BuuChinh","diaChi":{"tinh":"68"},"soBan":2,"khan":true,"ghiChu":null}""", true)]
    [InlineData("""{"HinhThucNhanKetQua":"TrucTiep","diaChi":{"tinh":"68"},"soBan":2,"khan":true,"ghiChu":null}""", false)]
    [InlineData("""{"HinhThucNhanKetQua":"BuuChinh","diaChi":{"tinh":"79"},"soBan":2,"khan":true,"ghiChu":null}""", false)]
    [InlineData("""{"HinhThucNhanKetQua":"BuuChinh","diaChi":"68","soBan":2,"khan":true,"ghiChu":null}""", false)]
    [InlineData("""{"HinhThucNhanKetQua":"BuuChinh","diaChi":{"tinh":"68"},"soBan":2.0,"khan":true,"ghiChu":null}""", true)]
    [InlineData("""{"HinhThucNhanKetQua":"BuuChinh","diaChi":{"tinh":"68"},"soBan":"2","khan":true,"ghiChu":null}""", true)]
    [InlineData("""{"HinhThucNhanKetQua":"BuuChinh","diaChi":{"tinh":"68"},"soBan":3,"khan":true,"ghiChu":null}""", false)]
    [InlineData("""{"HinhThucNhanKetQua":"BuuChinh","diaChi":{"tinh":"68"},"soBan":2,"khan":false,"ghiChu":null}""", false)]
    [InlineData("""{"HinhThucNhanKetQua":"BuuChinh","diaChi":{"tinh":"68"},"soBan":2,"khan":true}""", false)]
    [InlineData("""{"HinhThucNhanKetQua":"BuuChinh","diaChi":{"tinh":"68"},"soBan":2,"khan":true,"ghiChu":""}""", false)]
    [InlineData("""{"HinhThucNhanKetQua":["BuuChinh"],"diaChi":{"tinh":"68"},"soBan":2,"khan":true,"ghiChu":null}""", false)]
    [InlineData("""["not an object: kept, to become a visible dead letter"]""", true)]
    [InlineData("""not JSON: kept, to become a visible dead letter""", true)]
    public void A_record_passes_when_every_field_path_holds_one_of_its_json_values(string payload, bool passes)
    {
        var problems = new List<string>();
        var filter = Parse("""{"Filter": {"HinhThucNhanKetQua": ["BuuChinh", "Bưu chính"], "diaChi.tinh": ["68"], "soBan": [1, 2], "khan": [true], "ghiChu": [null]}}""", problems);

        Assert.Empty(problems);
        Assert.Equal(passes, filter.Accepts(payload));
    }

    [Fact]
    public void Text_compares_in_NFC_so_a_decomposed_value_matches_its_composed_form()
    {
        var filter = Parse("""{"Filter": {"kenh": ["Bưu chính"]}}""", []);

        Assert.True(filter.Accepts($$"""{"kenh":"{{"Bưu chính".Normalize(System.Text.NormalizationForm.FormD)}}"}"""));
    }

    [Fact]
    public void A_single_value_is_a_list_of_one_and_no_filter_passes_everything()
    {
        Assert.True(Parse("""{"Filter": {"kenh": "BuuChinh"}}""", []).Accepts("""{"kenh":"BuuChinh"}"""));
        Assert.False(Parse("""{"Filter": {"kenh": "BuuChinh"}}""", []).Accepts("""{"kenh":"TrucTiep"}"""));
        Assert.True(Parse("""{"Other": 1}""", []).IsEmpty);
    }

    [Fact]
    public void Every_malformed_entry_is_reported_with_its_config_key()
    {
        var problems = new List<string>();
        Parse("""{"Filter": {"a..b": ["x"], "empty": [], "nested": [{"x": 1}], "lists": [[1]], "ok": ["y"]}}""", problems);

        Assert.Equal(
            [
                "Flows:f:Filter:a..b: 'a..b' is not a field path (names joined by '.', none empty).",
                "Flows:f:Filter:empty: lists no value; give the values the field may hold, e.g. [\"BuuChinh\"].",
                "Flows:f:Filter:lists: values must be JSON strings, numbers, true, false or null, not objects or lists.",
                "Flows:f:Filter:nested: values must be JSON strings, numbers, true, false or null, not objects or lists.",
            ],
            problems.Order(StringComparer.Ordinal));

        problems.Clear();
        Parse("""{"Filter": "BuuChinh"}""", problems);
        Assert.Equal("Flows:f:Filter: must be an object of payload field paths to the values each may hold, e.g. {\"HinhThucNhanKetQua\": [\"BuuChinh\"]}.", Assert.Single(problems));
    }

    /// <summary>The flow's section as the hub reads it: JSON config under <c>Flows:f</c>.</summary>
    private static FlowFilter Parse(string flowJson, List<string> problems)
    {
        var json = $$$"""{"Flows": {"f": {{{flowJson}}}}}""";
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))).Build();
        return FlowFilter.Parse(configuration.GetSection("Flows:f:Filter"), problems);
    }
}
