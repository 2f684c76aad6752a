using System.Globalization;
using System.Text;

namespace IntegrationHub.Connectors.IGate.Sandbox.Dossiers;

/// <summary>Draws applicants and officers. A business, agency or other body is represented by a person, whose 12-digit
/// personal id (3-digit province of birth registration, century-and-sex digit, 2-digit birth year, 6 digits) is the one
/// on the dossier.</summary>
internal sealed class ApplicantFactory(Random random)
{
    public Applicant Draw(int loaiDoiTuong)
    {
        var (name, female) = PersonName();
        var birthYear = random.Next(1950, 2007);
        var centuryAndSex = (birthYear >= 2000 ? 2 : 0) + (female ? 1 : 0);
        var id = string.Create(CultureInfo.InvariantCulture, $"{Pick(VietnameseNames.ProvinceCodes)}{centuryAndSex}{birthYear % 100:D2}{random.Next(0, 1_000_000):D6}");
        var email = $"{Ascii(name)}{birthYear % 100:D2}@{Pick(VietnameseNames.MailDomains)}";
        var phone = string.Create(CultureInfo.InvariantCulture, $"{Pick(VietnameseNames.MobilePrefixes)}{random.Next(0, 10_000_000):D7}");
        var holder = loaiDoiTuong switch
        {
            2 => Pick(VietnameseNames.Businesses),
            3 => Pick(VietnameseNames.Agencies),
            4 => Pick(VietnameseNames.OtherApplicants),
            _ => name,
        };
        return new Applicant(loaiDoiTuong, holder, id, email, phone);
    }

    /// <summary>An officer's full name.</summary>
    public string Officer() => PersonName().Name;

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

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
