using IntegrationHub.Connectors.Sandboxing;

namespace IntegrationHub.Connectors.IGate.Sandbox.Dossiers;

/// <summary>Who files a dossier: the name on it and the contact person's personal id, declared date of birth, e-mail
/// and phone, and where that person lives now.</summary>
internal sealed record Applicant(int LoaiDoiTuong, string ChuHoSo, string SoDinhDanh, DateOnly NgaySinh, string Email, string SoDienThoai, SandboxAddress NoiOHienTai);
