using System.Globalization;
using System.Text;
using IntegrationHub.Connectors.Sandboxing;

namespace IntegrationHub.Connectors.IGate.Sandbox.Dossiers;

/// <summary>Draws applicants and officers. Applicants are people of the shared generated population (see
/// <see cref="IGateApplicantOptions"/>); a set share declares a wrong name or date of birth, another share gives an id
/// from another province that the population does not hold. A business, agency or other body is represented by such a
/// person, whose personal id and date of birth are the ones on the dossier.</summary>
internal sealed class ApplicantFactory(Random random, IGateApplicantOptions options)
{
    /// <summary>Provinces a stranger's id comes from: any but the population's.</summary>
    private readonly string[] _otherProvinces = [.. VietnameseNames.ProvinceCodes.Where(p => p != options.ProvinceCode)];
    private IReadOnlyList<SandboxCitizen>? _people;

    public Applicant Draw(int loaiDoiTuong)
    {
        var person = Person();
        var email = $"{Ascii(person.HoVaTen)}{person.NgaySinh.Year % 100:D2}@{Pick(VietnameseNames.MailDomains)}";
        var phone = string.Create(CultureInfo.InvariantCulture, $"{Pick(VietnameseNames.MobilePrefixes)}{random.Next(0, 10_000_000):D7}");
        var holder = loaiDoiTuong switch
        {
            2 => Pick(VietnameseNames.Businesses),
            3 => Pick(VietnameseNames.Agencies),
            4 => Pick(VietnameseNames.OtherApplicants),
            _ => person.HoVaTen,
        };
        return new Applicant(loaiDoiTuong, holder, person.SoDinhDanh, person.NgaySinh, email, phone, person.NoiOHienTai);
    }

    /// <summary>An officer's full name.</summary>
    public string Officer() => PersonName().Name;

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private SandboxCitizen Person()
    {
        // Generated on first use: 3,000 people take a few milliseconds, and a sandbox that files no dossier needs none.
        _people ??= SandboxCitizenGenerator.Generate(options.CitizenCount, options.CitizenSeed, options.ProvinceCode);
        var roll = random.Next(100);
        if (roll < options.UnknownPercent)
        {
            return Stranger();
        }

        var citizen = _people[random.Next(_people.Count)];
        return roll < options.UnknownPercent + options.MismatchPercent ? Misdeclared(citizen) : citizen;
    }

    /// <summary>Someone registered in another province: an id the population (one province) does not hold.</summary>
    private SandboxCitizen Stranger()
    {
        var (name, female) = PersonName();
        var birth = new DateOnly(random.Next(1950, 2007), random.Next(1, 13), random.Next(1, 29));
        var centuryAndSex = (birth.Year >= 2000 ? 2 : 0) + (female ? 1 : 0);
        var province = Pick(_otherProvinces);
        var id = string.Create(CultureInfo.InvariantCulture, $"{province}{centuryAndSex}{birth.Year % 100:D2}{random.Next(0, 1_000_000):D6}");
        var nowhere = new SandboxAddress("", "", "");
        return new SandboxCitizen(id, name, birth, female, nowhere, nowhere, nowhere);
    }

    /// <summary>A typo in the given name or a wrong date of birth, as officers see at the counter.</summary>
    private SandboxCitizen Misdeclared(SandboxCitizen citizen)
    {
        if (random.Next(2) == 0)
        {
            return citizen with { NgaySinh = citizen.NgaySinh.AddDays(random.Next(1, 400)) };
        }

        var words = citizen.HoVaTen.Split(' ');
        var given = citizen.Female ? VietnameseNames.FemaleGivenNames : VietnameseNames.MaleGivenNames;
        var other = given.Where(g => g != words[^1]).ToList();
        words[^1] = Pick(other);
        return citizen with { HoVaTen = string.Join(' ', words) };
    }

    private (string Name, bool Female) PersonName()
    {
        var female = random.Next(2) == 1;
        var middle = Pick(female ? VietnameseNames.FemaleMiddleNames : VietnameseNames.MaleMiddleNames);
        var given = Pick(female ? VietnameseNames.FemaleGivenNames : VietnameseNames.MaleGivenNames);
        return ($"{Pick(VietnameseNames.FamilyNames)} {middle} {given}", female);
    }

    /// <summary>"Nguyễn Văn An" → "nguyenvanan": e-mail addresses are written without diacritics.</summary>
    private static string Ascii(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name.Replace('Đ', 'D').Replace('đ', 'd').Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                text.Append(char.ToLowerInvariant(c));
            }
        }

        return text.ToString();
    }
}
