using IntegrationHub.Contracts;
using Xunit;
using static IntegrationHub.Connectors.Tests.IGate.HubWritePayloads;

namespace IntegrationHub.Connectors.Tests.IGate;

public sealed class IGateCitizenCheckWriteTests
{
    private const string Match = """{"MaHoSo":"{0}","KetQua":"KHOP","TruongSaiLech":[],"ThuongTru":{"MaTinhThanh":"56","MaQuanHuyen":"568","MaPhuongXa":"22333"},"NoiOHienTai":{"MaTinhThanh":"56","MaQuanHuyen":"570","MaPhuongXa":"22411"},"ThoiDiemXacMinh":"20261128101500"}""";
    private const string Mismatch = """{"MaHoSo":"{0}","KetQua":"KHONG_KHOP","TruongSaiLech":[{"Truong":"HoVaTen","KhaiBao":"Nguyễn Văn Anh","CoSoDuLieu":"Nguyễn Văn An"}],"ThuongTru":{"MaTinhThanh":"56","MaQuanHuyen":"568","MaPhuongXa":"22333"},"ThoiDiemXacMinh":"20261128101600"}""";

    private static OutboundMessage Check(long id, string template, string maHoSo) =>
        new(id, $"check-{id}", maHoSo, maHoSo, template.Replace("{0}", maHoSo, StringComparison.Ordinal), 1);

    [Fact]
    public async Task Checks_are_recorded_once_per_key_and_a_later_check_replaces_the_earlier()
    {
        await using var rig = await IGateTestRig.StartAsync();
        var connector = rig.Connector();
        var dossiers = Dossiers(rig, 2);
        OutboundMessage[] batch = [Check(1, Match, dossiers[0]), Check(2, Mismatch, dossiers[1])];

        var first = await connector.WriteAsync("citizen-checks", batch, CancellationToken.None);
        var again = await connector.WriteAsync("citizen-checks", [.. batch.Select(m => m with { Attempt = 2 })], CancellationToken.None);
        var later = await connector.WriteAsync("citizen-checks", [Check(3, Mismatch, dossiers[0])], CancellationToken.None);

        Assert.All(first.Concat(again).Concat(later), o => Assert.True(o.Delivered, o.Failure?.Message));
        var stats = rig.Sandbox.CitizenCheckStats();
        Assert.Equal(3, stats.TotalAppliedWrites);
        Assert.Equal(2, stats.DuplicatesIgnored);
        var matched = rig.Sandbox.Dossiers.CitizenCheck(dossiers[1])!;
        Assert.Equal("KHONG_KHOP", matched.KetQua);
        Assert.Equal(("Nguyễn Văn Anh", "Nguyễn Văn An"), matched.TruongSaiLech["HoVaTen"]);
        Assert.Equal("56/568/22333", matched.ThuongTru);
        Assert.Null(matched.NoiOHienTai);
        var replaced = rig.Sandbox.Dossiers.CitizenCheck(dossiers[0])!;
        Assert.Equal("KHONG_KHOP", replaced.KetQua);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 10, 16, 0, TimeSpan.FromHours(7)), replaced.ThoiDiemXacMinh);
    }

    public static TheoryData<string> InvalidChecks => new()
    {
        """{"MaHoSo":"{0}","KetQua":"MATCH","TruongSaiLech":[],"ThoiDiemXacMinh":"20261128101500"}""",
        """{"MaHoSo":"{0}","KetQua":"KHONG_KHOP","TruongSaiLech":[],"ThoiDiemXacMinh":"20261128101500"}""",
        """{"MaHoSo":"{0}","KetQua":"KHOP","TruongSaiLech":[{"Truong":"HoVaTen","KhaiBao":"a","CoSoDuLieu":"b"}],"ThoiDiemXacMinh":"20261128101500"}""",
        """{"MaHoSo":"{0}","KetQua":"KHONG_KHOP","TruongSaiLech":[{"Truong":"QueQuan","KhaiBao":"a","CoSoDuLieu":"b"}],"ThoiDiemXacMinh":"20261128101500"}""",
        """{"MaHoSo":"{0}","KetQua":"KHOP","TruongSaiLech":[],"ThoiDiemXacMinh":"28/11/2026"}""",
        """{"KetQua":"KHOP","TruongSaiLech":[],"ThoiDiemXacMinh":"20261128101500"}""",
    };

    [Theory]
    [MemberData(nameof(InvalidChecks))]
    public async Task An_invalid_check_is_rejected_permanently_and_the_others_delivered(string template)
    {
        await using var rig = await IGateTestRig.StartAsync();
        var dossiers = Dossiers(rig, 2);

        var outcomes = await rig.Connector().WriteAsync("citizen-checks", [Check(1, template, dossiers[0]), Check(2, Match, dossiers[1])], CancellationToken.None);

        Assert.Equal(FailureKind.Permanent, outcomes[0].Failure?.Kind);
        Assert.Equal("IGATE-422", outcomes[0].Failure!.Code);
        Assert.True(outcomes[1].Delivered, outcomes[1].Failure?.Message);
        Assert.Null(rig.Sandbox.Dossiers.CitizenCheck(dossiers[0]));
    }

    [Fact]
    public async Task A_check_of_an_unknown_dossier_fails_permanently()
    {
        await using var rig = await IGateTestRig.StartAsync();

        var outcomes = await rig.Connector().WriteAsync("citizen-checks", [Check(1, Match, "KHONG-CO-HO-SO")], CancellationToken.None);

        Assert.Equal("IGATE-404", Assert.Single(outcomes).Failure?.Code);
        Assert.Equal(0, rig.Sandbox.CitizenCheckStats().TotalAppliedWrites);
    }
}
