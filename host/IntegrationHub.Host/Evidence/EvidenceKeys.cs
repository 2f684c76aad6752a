using System.Security.Cryptography;
using IntegrationHub.Host.Configuration;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Host.Evidence;

/// <summary>The key heads are signed with and the public keys heads are verified with. Read once at start; a problem
/// (no key outside Development and Testing, an unreadable PEM, not P-256) is a start-up problem. Key material is never
/// logged or put in a message: only paths and key ids are.</summary>
public sealed class EvidenceKeys : IDisposable
{
    /// <summary>Where Development (and the test suite's Testing environment) keep the key they generate when none is
    /// configured, under the content root next to the embedded PostgreSQL's data.</summary>
    public const string GeneratedKeyPath = ".data/evidence/signing-key.pem";

    private readonly Dictionary<string, ECDsa> _verification = new(StringComparer.Ordinal);
    private readonly List<string> _problems = [];
    private readonly ECDsa? _signing;

    public EvidenceKeys(IOptions<HubOptions> options, IHostEnvironment environment, ILogger<EvidenceKeys> logger)
    {
        var evidence = options.Value.Evidence;
        if (!evidence.Enabled)
        {
            return;
        }

        var key = evidence.SigningKey;
        string? pem = null;
        if (!string.IsNullOrWhiteSpace(key.Pem))
        {
            pem = key.Pem;
        }
        else if (!string.IsNullOrWhiteSpace(key.Path))
        {
            var path = Path.GetFullPath(key.Path, environment.ContentRootPath);
            if (File.Exists(path))
            {
                pem = File.ReadAllText(path);
            }
            else
            {
                _problems.Add($"Hub:Evidence:SigningKey:Path '{path}' does not exist.");
            }
        }
        else if (environment.IsDevelopment() || environment.IsEnvironment("Testing"))
        {
            pem = GeneratedKey(Path.GetFullPath(GeneratedKeyPath, environment.ContentRootPath), logger);
        }
        else
        {
            _problems.Add($"Hub:Evidence:SigningKey:Path or Hub:Evidence:SigningKey:Pem (environment variable Hub__Evidence__SigningKey__Pem) must be set in {environment.EnvironmentName}: " +
                "the evidence log's heads are signed with it (an ECDSA P-256 private key in PEM; `openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt`). " +
                "Or set Hub:Evidence:Enabled to false to run without an evidence log.");
        }

        if (pem is not null)
        {
            _signing = Import(pem, "Hub:Evidence:SigningKey", _problems);
        }

        if (_signing is not null)
        {
            KeyId = string.IsNullOrWhiteSpace(key.KeyId) ? Fingerprint(_signing) : key.KeyId.Trim();
            PublicKeyPem = _signing.ExportSubjectPublicKeyInfoPem();
            _verification[KeyId] = ECDsa.Create(_signing.ExportParameters(includePrivateParameters: false));
        }

        foreach (var (id, value) in evidence.VerificationKeys)
        {
            var text = value.Contains("-----BEGIN", StringComparison.Ordinal) ? value
                : File.Exists(Path.GetFullPath(value, environment.ContentRootPath)) ? File.ReadAllText(Path.GetFullPath(value, environment.ContentRootPath)) : null;
            if (text is null)
            {
                _problems.Add($"Hub:Evidence:VerificationKeys:{id} is neither a PEM public key nor a path to one.");
                continue;
            }

            if (Import(text, $"Hub:Evidence:VerificationKeys:{id}", _problems) is { } publicKey && !_verification.ContainsKey(id))
            {
                _verification[id] = publicKey;
            }
        }
    }

    public IReadOnlyList<string> Problems => _problems;

    /// <summary>Null when the evidence log is off or the key could not be read (the start then fails).</summary>
    public string? KeyId { get; }

    public string? PublicKeyPem { get; }

    /// <summary>ECDSA P-256 over SHA-256, DER-encoded (RFC 3279), as <c>openssl dgst -sha256 -verify</c> reads it.</summary>
    public byte[] Sign(byte[] data) =>
        (_signing ?? throw new InvalidOperationException("The evidence log has no signing key.")).SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    /// <returns>Null when valid; else why not.</returns>
    public string? Verify(string keyId, byte[] data, byte[] signature)
    {
        if (!_verification.TryGetValue(keyId, out var key))
        {
            return $"signed with key '{keyId}', which is not among the configured keys";
        }

        try
        {
            return key.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence) ? null : $"its signature does not verify with key '{keyId}'";
        }
        catch (CryptographicException)
        {
            return $"its signature is not a DER ECDSA signature";
        }
    }

    public void Dispose()
    {
        _signing?.Dispose();
        foreach (var key in _verification.Values)
        {
            key.Dispose();
        }
    }

    public static string Fingerprint(ECDsa key) => Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];

    private static ECDsa? Import(string pem, string setting, List<string> problems)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            // The exception's text is not passed on: nothing of the key's content may reach a log.
            key.Dispose();
            problems.Add($"{setting} is not an ECDSA key in PEM.");
            return null;
        }

        if (key.KeySize != 256 || key.ExportParameters(false).Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
        {
            key.Dispose();
            problems.Add($"{setting} must be an ECDSA P-256 (prime256v1) key.");
            return null;
        }

        return key;
    }

    private static string GeneratedKey(string path, ILogger logger)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = key.ExportPkcs8PrivateKeyPem();
        try
        {
            using var file = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew, Access = FileAccess.Write,
                UnixCreateMode = OperatingSystem.IsWindows() ? null : UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
            using var writer = new StreamWriter(file);
            writer.Write(pem);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another host of this checkout wrote it first.
            return File.ReadAllText(path);
        }

        logger.LogWarning("No evidence signing key is configured: generated one at {Path} (key id {KeyId}). Development only: configure Hub:Evidence:SigningKey elsewhere.", path, Fingerprint(key));
        return pem;
    }
}
