using System.Globalization;

namespace IntegrationHub.Connectors.IGate.Sandbox.Dossiers;

/// <summary>Makes new dossiers and their next versions from one seeded random stream, so the same seed and the same
/// calls give the same data. Not thread-safe: the store calls it under its lock.</summary>
internal sealed class DossierFactory
{
    private readonly Random _random;
    private readonly ApplicantFactory _applicants;
    private readonly ProgressStepWriter _steps;
    private readonly DeliveryChoices _delivery;
    private readonly Dictionary<string, int> _dailyNumbers = new(StringComparer.Ordinal);

    public DossierFactory(int seed, IGateApplicantOptions applicants)
    {
        _random = new Random(seed);
        _applicants = new ApplicantFactory(_random, applicants);
        _steps = new ProgressStepWriter(_applicants);
        _delivery = new DeliveryChoices(seed, applicants.ByPostPercent);
    }

    public Random Random => _random;

    /// <param name="now">The change timestamp, already in +07:00.</param>
    public DossierRecord Create(DateTimeOffset now)
    {
        var procedure = _applicants.Pick(DossierProcedures.All);
        var submitted = WorkingCalendar.Seconds(now);
        var maHoSo = NextCode(procedure.DonViXuLy, submitted);
        var applicant = _applicants.Draw(_applicants.Pick(procedure.ApplicantTypes));
        var (delivery, address) = _delivery.Draw(applicant);
        return new DossierRecord
        {
            MaHoSo = maHoSo,
            MaTTHC = procedure.MaTTHC,
            TenTTHC = procedure.TenTTHC,
            MaLinhVuc = procedure.MaLinhVuc,
            TenLinhVuc = procedure.TenLinhVuc,
            ChuHoSo = applicant.ChuHoSo,
            LoaiDoiTuong = applicant.LoaiDoiTuong,
            SoDinhDanh = applicant.SoDinhDanh,
            NgaySinh = applicant.NgaySinh,
            Email = applicant.Email,
            SoDienThoai = applicant.SoDienThoai,
            TrichYeu = _applicants.Pick(procedure.Subjects),
            NgayNop = submitted,
            NgayTiepNhan = submitted,
            NgayHenTra = DueDate(procedure, submitted),
            NgayTra = null,
            TrangThai = IGateDossierLifecycle.Initial,
            DonViXuLy = procedure.DonViXuLy,
            TenDonViXuLy = procedure.TenDonViXuLy,
            KenhThucHien = Channel(),
            HinhThucNhanKetQua = delivery,
            DiaChiNhanKetQua = address,
            LePhi = procedure.Fees,
            TaiLieuNop = [.. procedure.Documents.Select(d => Document(maHoSo, submitted, d))],
            Version = 1,
            UpdatedAt = now,
        };
    }

    /// <returns>A status allowed to follow the dossier's, drawn by weight; null when its status is final.</returns>
    public string? NextStatus(DossierRecord dossier)
    {
        var choices = DossierTransitions.From(dossier.TrangThai, hasFees: dossier.LePhi.Count > 0);
        var total = choices.Sum(c => c.Weight);
        if (total == 0)
        {
            return null;
        }

        var pick = _random.Next(total);
        foreach (var (status, weight) in choices)
        {
            if (pick < weight)
            {
                return status;
            }

            pick -= weight;
        }

        return null;
    }

    /// <summary>The dossier's next version in <paramref name="status"/>: version + 1, updatedAt = now, and the dates
    /// the step sets (reception renews the promised date, release sets ngayTra).</summary>
    public static DossierRecord Advance(DossierRecord dossier, string status, DateTimeOffset now)
    {
        var at = WorkingCalendar.Seconds(now);
        var next = dossier with { TrangThai = status, Version = dossier.Version + 1, UpdatedAt = now };
        return status switch
        {
            IGateDossierStatus.MoiTiepNhan => next with { NgayTiepNhan = at, NgayHenTra = DueDate(DossierProcedures.Of(dossier.MaTTHC), at) },
            IGateDossierStatus.DaTraKetQua => next with { NgayTra = at },
            _ => next,
        };
    }

    /// <param name="previous">The dossier before the step; null for the submission (stt 1).</param>
    public ProgressRecord Step(DossierRecord? previous, DossierRecord dossier, int stt, DateTimeOffset startedAt, DateTimeOffset now) =>
        _steps.Write(previous, dossier, stt, startedAt, now);

    private static DateTimeOffset DueDate(DossierProcedure procedure, DateTimeOffset received) =>
        procedure.WorkingDays == 0 ? WorkingCalendar.NextNoon(received) : WorkingCalendar.MidnightAfter(received, procedure.WorkingDays);

    /// <summary>iGate-style <c>{unit}-{yyMMdd}-{nnnn}</c>, numbered per unit and day.</summary>
    private string NextCode(string unit, DateTimeOffset submitted)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"{unit}-{submitted:yyMMdd}");
        var number = _dailyNumbers.GetValueOrDefault(prefix) + 1;
        _dailyNumbers[prefix] = number;
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}-{number:D4}");
    }

    /// <summary>Online most of the time, as in the province's statistics; direct and postal for the rest.</summary>
    private int Channel() => _random.Next(100) switch
    {
        < 62 => 2,
        < 95 => 1,
        _ => 3,
    };

    private DossierDocument Document(string maHoSo, DateTimeOffset submitted, (string Code, string Name, string File) document) =>
        new(
            document.Code,
            document.Name,
            document.File,
            _random.NextInt64(40_000, 6_000_000),
            string.Create(CultureInfo.InvariantCulture, $"/files/{submitted:yyyy/MM/dd}/{maHoSo}/{document.File}"));
}
