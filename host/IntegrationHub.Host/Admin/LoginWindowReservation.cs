namespace IntegrationHub.Host.Admin;

/// <summary>What <see cref="LoginWindowCounter.TryReserve"/> made of one use: taken or not, how many are left, and
/// when the key's window opened and closes.</summary>
internal readonly record struct LoginWindowReservation(bool IsReserved, int Remaining, DateTimeOffset WindowStart, TimeSpan TimeLeft);
