namespace IntegrationHub.Connectors.NationalPortal.Sandbox;

/// <summary>A stored progress step: its number, the status it set, and when (portal date format).</summary>
public sealed record NationalPortalProgressView(int Stt, int TrangThai, string ThoiDiemXuLy);
