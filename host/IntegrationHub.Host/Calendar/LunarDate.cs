namespace IntegrationHub.Host.Calendar;

/// <summary>A day of the Vietnamese lunar calendar. <see cref="IsLeapMonth"/>: the intercalary month that repeats
/// <see cref="Month"/>'s number (e.g. the leap 2nd month of 2023 follows the ordinary 2nd month).</summary>
public readonly record struct LunarDate(int Year, int Month, int Day, bool IsLeapMonth = false)
{
    public override string ToString() => $"{Day}/{Month}{(IsLeapMonth ? " (leap)" : "")}/{Year}";
}
