using System.Text.Json;
using System.Text.Json.Nodes;

namespace IntegrationHub.Connectors.IGate.Sandbox.Dossiers;

/// <summary>The sandbox's full view of one dossier (GET /sandbox/dossiers/{maHoSo}): its latest version with its
/// progress, the fee payments recorded against it and its evaluations. Payments and evaluations do not make a new
/// dossier version: the change feed carries lifecycle changes only.</summary>
internal static class DossierView
{
    public static JsonObject Compose(
        JsonObject dossier,
        IReadOnlyList<JsonObject> progress,
        IReadOnlyList<IGateRecordedPayment> payments,
        IReadOnlyList<IGateRecordedEvaluation> evaluations)
    {
        var feeDue = dossier["lePhi"]?.AsArray().Sum(fee => (long?)fee?["soTien"] ?? 0) ?? 0;
        var paid = payments.Sum(p => p.SoTien);
        dossier["progress"] = new JsonArray([.. progress]);
        dossier["feeDue"] = feeDue;
        dossier["paidAmount"] = paid;

        // Paid once the recorded payments cover what is due; a dossier with no fees is not "paid" until someone pays.
        dossier["feePaid"] = payments.Count > 0 && paid >= feeDue;
        dossier["payments"] = JsonSerializer.SerializeToNode(payments, DossierJson.Options);
        dossier["evaluations"] = JsonSerializer.SerializeToNode(evaluations, DossierJson.Options);
        return dossier;
    }
}
