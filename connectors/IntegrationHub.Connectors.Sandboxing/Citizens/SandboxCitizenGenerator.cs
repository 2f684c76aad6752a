using System.Globalization;

namespace IntegrationHub.Connectors.Sandboxing;

/// <summary>Deterministic citizens: Vietnamese names with diacritics, ids shaped like the real 12-digit personal id
/// (province code, century-and-sex digit, two-digit year of birth, six digits), dates of birth 1940–2007, address codes.
/// The same count, seed and province give the same people in every sandbox that asks.</summary>
public static class SandboxCitizenGenerator
{
    public const int DefaultCount = 3000;
    public const int DefaultSeed = 20261128;

    /// <summary>Khánh Hòa.</summary>
    public const string DefaultProvinceCode = "056";

    private static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
    private static readonly string[] MaleMiddle = ["Văn", "Hữu", "Đức", "Minh", "Quốc", "Thành", "Công", "Gia"];
    private static readonly string[] FemaleMiddle = ["Thị", "Ngọc", "Thu", "Minh", "Thanh", "Bảo", "Khánh", "Mỹ"];
    private static readonly string[] MaleGiven = ["An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hùng", "Khang", "Long", "Nam", "Phúc", "Quân", "Sơn", "Tuấn", "Việt", "Trọng"];
    private static readonly string[] FemaleGiven = ["Anh", "Châu", "Diễm", "Hà", "Hạnh", "Hương", "Lan", "Linh", "Mai", "Ngân", "Nhung", "Phương", "Thảo", "Trang", "Uyên", "Yến"];
    private static readonly string[] Districts = ["568", "569", "570", "572", "573", "574", "575"];
    private static readonly string[] OtherProvinces = ["01", "31", "46", "48", "52", "54", "79"];

    /// <param name="provinceCode">Three digits; ids start with it, addresses use its last two.</param>
    public static IReadOnlyList<SandboxCitizen> Generate(int count, int seed, string provinceCode)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(provinceCode);
        var random = new Random(seed);
        var tinh = provinceCode[1..];
        var citizens = new List<SandboxCitizen>(count);
        for (var i = 0; i < count; i++)
        {
            var female = random.Next(2) == 1;
            var birth = new DateOnly(1940, 1, 1).AddDays(random.Next(0, 68 * 365));
            var centuryAndSex = (birth.Year >= 2000 ? 2 : 0) + (female ? 1 : 0);

            // 7919 is prime to 10^6, so the six-digit tail is unique for the first million citizens.
            var tail = ((i * 7919L) + 104_729) % 1_000_000;
            var id = string.Create(CultureInfo.InvariantCulture, $"{provinceCode}{centuryAndSex}{birth.Year % 100:00}{tail:000000}");
            var name = $"{Pick(random, FamilyNames)} {Pick(random, female ? FemaleMiddle : MaleMiddle)} {Pick(random, female ? FemaleGiven : MaleGiven)}";
            var home = Address(random, tinh);
            var current = random.Next(4) == 0 ? Address(random, tinh) : home;
            var origin = Address(random, random.Next(3) == 0 ? Pick(random, OtherProvinces) : tinh);
            citizens.Add(new SandboxCitizen(id, name, birth, female, home, current, origin));
        }

        return citizens;
    }

    private static SandboxAddress Address(Random random, string tinh)
    {
        var huyen = random.Next(2) == 0 ? Pick(random, Districts) : string.Create(CultureInfo.InvariantCulture, $"{random.Next(100, 999)}");
        return new SandboxAddress(tinh, huyen, string.Create(CultureInfo.InvariantCulture, $"{random.Next(10000, 32999)}"));
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
