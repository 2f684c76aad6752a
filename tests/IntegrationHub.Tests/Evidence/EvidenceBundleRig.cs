using System.IO.Compression;
using IntegrationHub.Host.Evidence;

namespace IntegrationHub.Tests.Evidence;

/// <summary>Exports bundles from an <see cref="EvidenceRig"/> with the hub's exporter, and opens them as files.</summary>
public static class EvidenceBundleRig
{
    public static EvidenceExporter Exporter(EvidenceRig rig, string archiveFolder) =>
        new(rig.Db, rig.Sequencer, rig.Signer, new EvidenceArchive(archiveFolder), Microsoft.Extensions.Options.Options.Create(rig.Options));

    public static async Task<Dictionary<string, byte[]>> ExportAsync(EvidenceExporter exporter, string? businessKey, DateOnly? day = null)
    {
        using var zip = new MemoryStream();
        Assert.True(await exporter.ExportAsync(businessKey, day, zip, default) > 0, "the subject has events");
        zip.Position = 0;
        return Files(zip);
    }

    public static Dictionary<string, byte[]> Files(Stream zip)
    {
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }, StringComparer.Ordinal);
    }

    public static byte[] Zip(IReadOnlyDictionary<string, byte[]> files)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                using var entry = archive.CreateEntry(name).Open();
                entry.Write(content);
            }
        }

        return zip.ToArray();
    }
}
