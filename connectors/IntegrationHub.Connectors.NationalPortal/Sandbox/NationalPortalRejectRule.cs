using System.ComponentModel.DataAnnotations;

namespace IntegrationHub.Connectors.NationalPortal.Sandbox;

/// <summary>A deterministic stand-in for the portal's business checks, so tests and the demo can make some dossiers
/// fail permanently and later "fix the rule" and replay them. Applies to DongBoHoSoMC only; a rejected dossier is never
/// stored, so its progress steps then meet "dossier not found".</summary>
public sealed class NationalPortalRejectRule
{
    /// <summary>Rejects dossiers whose <see cref="StableHash"/> is a multiple of this (about one in N); 0 turns the rule off.</summary>
    [Range(0, int.MaxValue)]
    public int RejectEveryNth { get; set; }

    public bool Rejects(string maHoSo) => Rejects(RejectEveryNth, maHoSo);

    /// <summary>FNV-1a over the code's characters: the same in every process and run, unlike string.GetHashCode, and
    /// spread evenly (a plain character sum of similar codes falls in a narrow band and may never hit a multiple of N).</summary>
    public static int StableHash(string maHoSo)
    {
        var hash = 2166136261u;
        foreach (var c in maHoSo)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & int.MaxValue);
    }

    internal static bool Rejects(int rejectEveryNth, string maHoSo) =>
        rejectEveryNth > 0 && StableHash(maHoSo) % rejectEveryNth == 0;
}
