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

    /// <summary>The sum of the code's characters: the same in every process and run, unlike string.GetHashCode.</summary>
    public static int StableHash(string maHoSo)
    {
        var sum = 0;
        foreach (var c in maHoSo)
        {
            sum += c;
        }

        return sum;
    }

    internal static bool Rejects(int rejectEveryNth, string maHoSo) =>
        rejectEveryNth > 0 && StableHash(maHoSo) % rejectEveryNth == 0;
}
