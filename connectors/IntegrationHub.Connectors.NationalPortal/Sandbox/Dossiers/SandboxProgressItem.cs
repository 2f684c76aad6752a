namespace IntegrationHub.Connectors.NationalPortal.Sandbox.Dossiers;

/// <summary>The parts of a validated CapNhatTienDoHoSoMC item that the sandbox keeps.</summary>
internal sealed record SandboxProgressItem(string MaHoSo, int Stt, int TrangThai, string ThoiDiemXuLy, string? IdempotencyKey);
