namespace IntegrationHub.Host.Configuration;

/// <summary>The key heads are signed with (<c>Hub:Evidence:SigningKey</c>): an ECDSA P-256 private key in PEM, from a
/// file or from the environment (<c>Hub__Evidence__SigningKey__Pem</c>). Never logged or shown.</summary>
public sealed class EvidenceSigningKeyOptions
{
    public string? Path { get; set; }

    public string? Pem { get; set; }

    /// <summary>Empty: the first 16 hex digits of the SHA-256 of the public key (SubjectPublicKeyInfo, DER).</summary>
    public string? KeyId { get; set; }
}
