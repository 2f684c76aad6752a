using IntegrationHub.Connectors.NationalPortal.Mapping;
using Xunit;

namespace IntegrationHub.Connectors.Tests.NationalPortal;

public sealed class StatusMapperTests
{
    private static readonly StatusMapper Mapper = new(NationalPortalTestBed.DefaultStatusMap());

    [Theory]
    [InlineData("CHO_TIEP_NHAN", 1)]
    [InlineData("MOI_TIEP_NHAN", 2)]
    [InlineData("TU_CHOI", 3)]
    [InlineData("DANG_XU_LY", 4)]
    [InlineData("CHO_BO_SUNG", 5)]
    [InlineData("CHO_THANH_TOAN", 6)]
    [InlineData("DA_HUY", 7)]
    [InlineData("CHO_TRA_KET_QUA", 9)]
    [InlineData("DA_TRA_KET_QUA", 10)]
    [InlineData("dang_xu_ly", 4)] // config keys are case-insensitive, so the table is too
    public void Every_iGate_status_maps_to_its_portal_code(string local, int expected)
    {
        Assert.True(Mapper.TryMap(local, out var code));
        Assert.Equal(expected, code);
    }

    [Theory]
    [InlineData("DANG_THAM_DINH")]
    [InlineData("")]
    [InlineData(" DANG_XU_LY")]
    [InlineData(null)]
    public void A_status_missing_from_the_table_does_not_map(string? local)
    {
        Assert.False(Mapper.TryMap(local, out _));
    }

    [Fact]
    public void An_unknown_status_fails_the_dossier_mapping_with_a_message_naming_the_table()
    {
        var mapper = new DossierMapper(Mapper, DvcqgDateFormat.ResolveTimeZone("Asia/Ho_Chi_Minh"));

        Assert.False(mapper.TryMap(IGatePayloads.Dossier("HS-1", "DANG_THAM_DINH").ToJsonString(), out _, out var problem));
        Assert.Equal(
            "'trangThai' of the dossier payload is 'DANG_THAM_DINH', which has no entry in StatusMap (Connectors:national-portal:StatusMap); add it there and replay.",
            problem);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("11")]
    [InlineData("-1")]
    [InlineData(" 4")]
    [InlineData("4.0")]
    [InlineData("")]
    public void A_value_that_is_not_a_code_0_to_10_is_a_problem(string value)
    {
        var problems = StatusMapper.Validate(new Dictionary<string, string> { ["DANG_XU_LY"] = value });

        Assert.Equal([$"StatusMap: 'DANG_XU_LY' maps to '{value}', which is not a DVCQG TrangThaiHoSo code (an integer 0..10)."], problems);
        Assert.Throws<ArgumentException>(() => new StatusMapper(new Dictionary<string, string> { ["DANG_XU_LY"] = value }));
    }

    [Fact]
    public void An_empty_table_is_a_problem()
    {
        Assert.Equal(
            ["The StatusMap field must map each iGate status to a DVCQG TrangThaiHoSo code 0..10 (e.g. \"DANG_XU_LY\": \"4\"); it is empty."],
            StatusMapper.Validate(new Dictionary<string, string>()));
    }
}
