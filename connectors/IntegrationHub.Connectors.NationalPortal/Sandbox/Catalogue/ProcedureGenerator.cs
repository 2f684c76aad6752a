using static IntegrationHub.Connectors.NationalPortal.Sandbox.Catalogue.CatalogueVocabulary;

namespace IntegrationHub.Connectors.NationalPortal.Sandbox.Catalogue;

/// <summary>Builds a procedure from (seed, number) alone: the catalogue keeps only codes, and details are generated
/// when asked for, which keeps a 100,000-procedure sandbox cheap to start.</summary>
internal sealed class ProcedureGenerator(int seed)
{
    public ProcedureBlueprint Blueprint(int number, string code)
    {
        var random = SplitMix64.For(seed, number);
        var subject = random.Pick(Subjects);
        return new ProcedureBlueprint(code, subject, random.Pick(subject.Actions), random.Pick(subject.Qualifiers));
    }

    public ProcedureDetail Detail(int number, string code)
    {
        var blueprint = Blueprint(number, code);

        // A second stream, so details can change without reshuffling names.
        var random = SplitMix64.For(seed ^ 0x5A5A5A5A, number);
        var field = blueprint.Subject.Field;
        var days = random.Pick(ProcessingDays);
        var time = $"{days} ngày làm việc";
        return new ProcedureDetail(
            code,
            blueprint.Name,
            field.Level,
            [new ProcedureField(field.Code, field.Name)],
            Steps(blueprint),
            Channels(ref random, time),
            $"{time} kể từ ngày nhận đủ hồ sơ hợp lệ",
            Fees(ref random, blueprint),
            Documents(ref random, blueprint),
            Laws(ref random, field),
            [field.Agency]);
    }

    private static ProcedureStep[] Steps(ProcedureBlueprint blueprint) =>
    [
        new("Bước 1: Tổ chức, cá nhân chuẩn bị hồ sơ theo quy định và nộp tại Trung tâm Phục vụ hành chính công tỉnh hoặc qua Cổng Dịch vụ công quốc gia."),
        new("Bước 2: Cán bộ tiếp nhận kiểm tra tính đầy đủ, hợp lệ của hồ sơ; trường hợp hồ sơ chưa đầy đủ thì hướng dẫn bổ sung một lần."),
        new($"Bước 3: {blueprint.Subject.Field.Agency.Name} thẩm định hồ sơ và giải quyết việc {blueprint.ActionInSentence} {blueprint.Subject.Name}."),
        new("Bước 4: Trả kết quả cho tổ chức, cá nhân tại nơi nộp hồ sơ hoặc qua dịch vụ bưu chính công ích."),
    ];

    private static List<ProcedureChannel> Channels(ref SplitMix64 random, string time)
    {
        var channels = new List<ProcedureChannel> { new("Trực tiếp", time, "Nộp hồ sơ trực tiếp tại Trung tâm Phục vụ hành chính công tỉnh") };
        if (random.Chance(70))
        {
            channels.Add(new("Trực tuyến", time, "Nộp hồ sơ trực tuyến qua Cổng Dịch vụ công quốc gia"));
        }

        if (random.Chance(50))
        {
            channels.Add(new("Dịch vụ bưu chính", time, "Nộp hồ sơ qua dịch vụ bưu chính công ích"));
        }

        return channels;
    }

    private static List<ProcedureFee> Fees(ref SplitMix64 random, ProcedureBlueprint blueprint)
    {
        var fees = new List<ProcedureFee>();
        if (random.Chance(35))
        {
            return fees;
        }

        fees.Add(new("Lệ phí", $"Lệ phí {blueprint.ActionInSentence} {blueprint.Subject.Name}", random.Pick(ChargeAmounts), "VND"));
        if (random.Chance(30))
        {
            fees.Add(new("Phí", "Phí thẩm định hồ sơ", random.Pick(AppraisalFeeAmounts), "VND"));
        }

        return fees;
    }

    private static List<ProcedureDocument> Documents(ref SplitMix64 random, ProcedureBlueprint blueprint)
    {
        var form = blueprint.Action.StartsWith("Đăng ký", StringComparison.Ordinal) || blueprint.Action == "Thông báo"
            ? $"Tờ khai {blueprint.ActionInSentence} {blueprint.Subject.Name} (theo mẫu)"
            : $"Đơn đề nghị {blueprint.ActionInSentence} {blueprint.Subject.Name} (theo mẫu)";
        var documents = new List<ProcedureDocument> { new(form, 1, 0) };
        var count = 1 + random.Next(3);
        var start = random.Next(SupportingDocuments.Count);
        for (var i = 0; i < count; i++)
        {
            documents.Add(new(SupportingDocuments[(start + i) % SupportingDocuments.Count], random.Next(2), 1));
        }

        return documents;
    }

    private static List<LegalBasis> Laws(ref SplitMix64 random, CatalogueField field)
    {
        var laws = new List<LegalBasis> { field.MainLaw };
        if (random.Chance(60))
        {
            laws.Add(random.Pick(CommonLaws));
        }

        return laws;
    }
}
