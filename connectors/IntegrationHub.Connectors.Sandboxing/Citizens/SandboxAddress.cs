namespace IntegrationHub.Connectors.Sandboxing;

/// <summary>Administrative codes of an address: province (2 digits), district (3), commune (5).</summary>
public sealed record SandboxAddress(string MaTinhThanh, string MaQuanHuyen, string MaPhuongXa);
