namespace IntegrationHub.Connectors.IGate.Mapping;

/// <summary>Maps a national-portal evaluation payload ({MaHoSo, DiemDanhGia, NoiDungDanhGia, ThoiGianDanhGia}) to
/// iGate's evaluation. Names are matched ignoring case; values are not judged here.</summary>
internal static class HubEvaluationMapper
{
    public static IGateEvaluation? TryMap(string payload, out string? problem)
    {
        using var document = HubPayloadReader.TryOpenObject(payload, "an evaluation", out problem);
        if (document is null)
        {
            return null;
        }

        var root = document.RootElement;
        return new IGateEvaluation(
            JsonText.Field(root, "MaHoSo"),
            JsonText.IntegerField(root, "DiemDanhGia"),
            JsonText.Field(root, "NoiDungDanhGia"),
            JsonText.Field(root, "ThoiGianDanhGia"));
    }
}
