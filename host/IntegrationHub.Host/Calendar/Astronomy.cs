namespace IntegrationHub.Host.Calendar;

/// <summary>The astronomy behind the lunar calendar: Julian day numbers, the mean-to-true new moon and the sun's
/// apparent longitude, from the low-precision series in Meeus ("Astronomical Formulae for Calculators", "Astronomical
/// Algorithms"). Accurate to a few minutes for 1800–2199, which decides the day of a new moon except when it falls
/// within minutes of midnight.</summary>
internal static class Astronomy
{
    /// <summary>The (mean) new moon of 1900-01-01 as a Julian date: lunation 0 of <see cref="NewMoon"/>.</summary>
    public const double NewMoonEpoch = 2415021.076998695;

    public const double SynodicMonth = 29.530588853;

    private const double Degree = Math.PI / 180;

    public static int JulianDayNumber(DateOnly date) => date.DayNumber + 1721426;

    public static DateOnly FromJulianDayNumber(int julianDay) => DateOnly.FromDayNumber(julianDay - 1721426);

    /// <summary>The moment (Julian date, UT) of the <paramref name="lunation"/>-th new moon after the one of 1900-01-01.</summary>
    public static double NewMoon(int lunation)
    {
        var t = lunation / 1236.85;
        var t2 = t * t;
        var t3 = t2 * t;
        var mean = 2415020.75933 + 29.53058868 * lunation + 0.0001178 * t2 - 0.000000155 * t3
                   + 0.00033 * Math.Sin((166.56 + 132.87 * t - 0.009173 * t2) * Degree);
        var sunAnomaly = (359.2242 + 29.10535608 * lunation - 0.0000333 * t2 - 0.00000347 * t3) * Degree;
        var moonAnomaly = (306.0253 + 385.81691806 * lunation + 0.0107306 * t2 + 0.00001236 * t3) * Degree;
        var latitude = (21.2964 + 390.67050646 * lunation - 0.0016528 * t2 - 0.00000239 * t3) * Degree;
        var correction = (0.1734 - 0.000393 * t) * Math.Sin(sunAnomaly) + 0.0021 * Math.Sin(2 * sunAnomaly)
                         - 0.4068 * Math.Sin(moonAnomaly) + 0.0161 * Math.Sin(2 * moonAnomaly) - 0.0004 * Math.Sin(3 * moonAnomaly)
                         + 0.0104 * Math.Sin(2 * latitude) - 0.0051 * Math.Sin(sunAnomaly + moonAnomaly)
                         - 0.0074 * Math.Sin(sunAnomaly - moonAnomaly) + 0.0004 * Math.Sin(2 * latitude + sunAnomaly)
                         - 0.0004 * Math.Sin(2 * latitude - sunAnomaly) - 0.0006 * Math.Sin(2 * latitude + moonAnomaly)
                         + 0.0010 * Math.Sin(2 * latitude - moonAnomaly) + 0.0005 * Math.Sin(2 * moonAnomaly + sunAnomaly);
        // Terrestrial minus universal time (days), as the series were fitted to TT.
        var deltaT = t < -11
            ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
            : -0.000278 + 0.000265 * t + 0.000262 * t2;
        return mean + correction - deltaT;
    }

    /// <summary>The sun's apparent longitude in radians, 0 ≤ λ &lt; 2π, at Julian date <paramref name="julianDate"/> (UT).</summary>
    public static double SunLongitude(double julianDate)
    {
        var t = (julianDate - 2451545.0) / 36525;
        var t2 = t * t;
        var meanAnomaly = (357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * Degree;
        var meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        var centre = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.Sin(meanAnomaly)
                     + (0.019993 - 0.000101 * t) * Math.Sin(2 * meanAnomaly) + 0.000290 * Math.Sin(3 * meanAnomaly);
        var longitude = (meanLongitude + centre) * Degree;
        longitude -= 2 * Math.PI * Math.Floor(longitude / (2 * Math.PI));
        return longitude;
    }
}
