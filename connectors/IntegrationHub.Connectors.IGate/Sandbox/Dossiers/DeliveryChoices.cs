namespace IntegrationHub.Connectors.IGate.Sandbox.Dossiers;

/// <summary>How applicants take their results: most at the desk (<see cref="AtTheDesk"/>), a few delivered by the public
/// postal service (<see cref="ByPost"/>, "trả kết quả qua bưu chính công ích") to their current residence. Drawn from a
/// stream of its own, so the rest of a seeded dossier is what it was before applicants chose.</summary>
internal sealed class DeliveryChoices(int seed, int byPostPercent)
{
    public const string AtTheDesk = "TrucTiep";
    public const string ByPost = "BuuChinh";

    private static readonly string[] Streets = ["Lê Lợi", "Trần Hưng Đạo", "Nguyễn Huệ", "Hai Bà Trưng", "Quang Trung", "Lý Thường Kiệt"];
    private readonly Random _random = new(unchecked((seed * 397) ^ 0x5057));

    public (string Channel, DossierDeliveryAddress? Address) Draw(Applicant applicant)
    {
        if (_random.Next(100) >= byPostPercent)
        {
            return (AtTheDesk, null);
        }

        var home = applicant.NoiOHienTai;
        var street = $"Số {_random.Next(1, 300)} đường {Streets[_random.Next(Streets.Length)]}";
        return (ByPost, new DossierDeliveryAddress(applicant.ChuHoSo, applicant.SoDienThoai, street, home.MaTinhThanh, home.MaQuanHuyen, home.MaPhuongXa));
    }
}
