using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Connectors.ECopy.Api;
using IntegrationHub.Connectors.Sandboxing;

namespace IntegrationHub.Connectors.ECopy.Sandbox;

/// <summary>The service's certificates and their files, as its officers issue them: citizens from the shared sandbox
/// population (so iGate's dossiers name the same people), a made-up PDF-like file per copy. Thread-safe.</summary>
internal sealed class CertificateRegistry(int seed, TimeProvider clock)
{
    private static readonly string[] DocumentTypes = ["Giấy khai sinh", "Bằng tốt nghiệp THPT", "Giấy chứng nhận kết hôn", "Căn cước công dân", "Giấy chứng nhận quyền sử dụng đất"];
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    private readonly Lock _lock = new();
    private readonly SandboxChangeLog<ECopyCertificate> _log = new();
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<SandboxCitizen> _citizens = SandboxCitizenGenerator.Generate(500, SandboxCitizenGenerator.DefaultSeed, SandboxCitizenGenerator.DefaultProvinceCode);
    private readonly Random _random = new(seed);

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _log.Count;
            }
        }
    }

    public ECopyCertificate Certify(int fileSize)
    {
        lock (_lock)
        {
            var seq = _log.Count + 1L;
            var now = clock.GetUtcNow().ToOffset(Vietnam);
            var number = string.Create(CultureInfo.InvariantCulture, $"SCT-{now.Year}-{seq:000000}");
            var file = new byte[fileSize];
            _random.NextBytes(file);
            Encoding.ASCII.GetBytes($"%PDF-1.4 {number}\n".PadRight(Math.Min(fileSize, 40))).AsSpan(0, Math.Min(fileSize, 40)).CopyTo(file);
            var certificate = new ECopyCertificate(seq, number, _citizens[_random.Next(_citizens.Count)].HoVaTen, now.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                DocumentTypes[_random.Next(DocumentTypes.Length)], _citizens[_random.Next(_citizens.Count)].SoDinhDanh,
                new ECopyFile($"{number}.pdf", "application/pdf", file.Length, Convert.ToHexStringLower(SHA256.HashData(file))));
            _files[number] = file;
            _log.Append(seq, string.Empty, certificate);
            return certificate;
        }
    }

    public ECopyWire.Page Page(long after, int limit)
    {
        lock (_lock)
        {
            var (items, hasMore) = _log.Read(after, null, Math.Clamp(limit, 1, 1000));
            return new ECopyWire.Page(items, hasMore);
        }
    }

    public byte[]? File(string number)
    {
        lock (_lock)
        {
            return _files.GetValueOrDefault(number);
        }
    }
}
