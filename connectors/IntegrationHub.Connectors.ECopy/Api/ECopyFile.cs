namespace IntegrationHub.Connectors.ECopy.Api;

/// <summary>The certified copy's file as its certificate states it; the bytes are fetched on their own.</summary>
/// <param name="Sha256">Lower-case hex; the hub checks the downloaded bytes against it.</param>
public sealed record ECopyFile(string Ten, string Loai, long KichThuoc, string Sha256);
