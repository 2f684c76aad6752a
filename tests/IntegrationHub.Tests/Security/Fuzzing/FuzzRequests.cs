using System.Globalization;
using System.Security;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using IntegrationHub.Connectors.PaymentPlatform;
using IntegrationHub.Connectors.PopulationDb;
using IntegrationHub.Host.Inbound.Soap;
using IntegrationHub.Tests.Infrastructure;

namespace IntegrationHub.Tests.Security.Fuzzing;

/// <summary>Request generators for each public endpoint: a valid request (so some succeed and store), mutated
/// (<see cref="JsonFuzz"/>), sometimes with another path or Content-Type, sometimes anything at all. The signing
/// clients sign whatever body comes out, so mutated bodies get past authentication and reach parsing.</summary>
public static class FuzzRequests
{
    /// <summary>A well-formed envelope of the service's shape; only its values (DataJson, MessageId, type) are hostile.</summary>
    public const string IntactEnvelope = "intact envelope";

    /// <summary>An envelope whose XML or shape was mutated, or sent as another media type than its SOAP version's:
    /// SoapCore may fail to read it before the service runs.</summary>
    public const string MutatedEnvelope = "mutated envelope";

    private const string Json = "application/json";

    public static Gen<string> MessageId { get; } = Gen.Frequency(
        (4, Gen.Choose(0, int.MaxValue - 1).Select(n => $"fz-{n}")),
        (1, Gen.Choose(0, 20).Select(n => $"fz-pool-{n}")));

    /// <summary>Business keys the generators use, two of them decomposed (NFD).</summary>
    public static IReadOnlyList<string> DossierKeys { get; } =
        ["H56.01-261128-0001", "H56.01-261128-0002", "HS-Nguyễn-0003", "HS-Nguyễn-0003".Normalize(NormalizationForm.FormD), "HS-Trần-Ánh-0004".Normalize(NormalizationForm.FormD)];

    public static Gen<string> DossierKey { get; } = Gen.Elements(DossierKeys.ToArray());

    private static Gen<string?> JsonContentType { get; } = Gen.Frequency(
        (14, Gen.Constant<string?>(Json)),
        (1, Gen.Elements<string?>(null, "text/plain", "application/json; charset=utf-16", "application/json; charset=\"", "application/x-www-form-urlencoded", "application/jsonx", "APPLICATION/JSON", "")));

    /// <summary><c>POST /api/inbound/dvcqg/danh-gia</c> (and a few neighbours), an evaluation.</summary>
    public static Gen<FuzzRequest> RestInbound()
    {
        var evaluation =
            from id in MessageId
            from key in DossierKey
            from score in Gen.Choose(1, 5)
            from note in Gen.Elements("Cán bộ hướng dẫn tận tình", "Nguyễn tận tình".Normalize(NormalizationForm.FormD), "Tốt")
            select FuzzJson.Object(
                ("messageId", FuzzJson.String(id)),
                ("data", FuzzJson.Object(("MaHoSo", FuzzJson.String(key)), ("DiemDanhGia", FuzzJson.Number(score)), ("NoiDungDanhGia", FuzzJson.String(note)), ("ThoiGianDanhGia", FuzzJson.String("20261128093000")))));
        var path = Gen.Frequency(
            (14, Gen.Constant("api/inbound/dvcqg/danh-gia")),
            (1, Gen.Elements("api/inbound/dvcqg/khong-co", "api/inbound/nobody/danh-gia", "api/inbound/dvcqg/payment-init", "api/inbound/dvcqg/danh-gia%0A", "api/inbound/DVCQG/danh-gia", "api/inbound/dvcq%C3%A9/danh-gia")));
        return from p in path
               from type in JsonContentType
               from body in JsonFuzz.Body(evaluation)
               select new FuzzRequest(HttpMethod.Post, p, type, body);
    }

    /// <summary><c>POST /soap/inbound</c>: an envelope whose DataJson is an evaluation (mutated as JSON), the envelope
    /// itself sometimes mutated as bytes or with hostile XML spliced in, SOAP 1.1 or 1.2.</summary>
    public static Gen<FuzzRequest> SoapInbound()
    {
        var data =
            from key in DossierKey
            from score in Gen.Choose(1, 5)
            select FuzzJson.Object(("MaHoSo", FuzzJson.String(key)), ("DiemDanhGia", FuzzJson.Number(score)), ("ThoiGianDanhGia", FuzzJson.String("20261128093000")));
        var hostileXml = Gen.Elements("&#0;", "&#xD800;", "&#x1;", "<!DOCTYPE s [<!ENTITY x \"y\">]>", "&x;", "]]>", "<![CDATA[", "<a>", "</message>", "\u0001",
            string.Concat(Enumerable.Repeat("<a>", 500)) + string.Concat(Enumerable.Repeat("</a>", 500)));
        var envelope =
            from id in Gen.Frequency((6, MessageId), (1, JsonFuzz.Text))
            from type in Gen.Frequency((8, Gen.Constant("danh-gia")), (1, Gen.Elements("khong-co", "payment-init", "", "DANH-GIA")))
            from dataJson in JsonFuzz.Body(data)
            from soap12 in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
            select (Xml: Envelope(type, id, Encoding.UTF8.GetString(dataJson), soap12), Soap12: soap12);
        var body = Gen.Frequency(
            (6, envelope.Select(e => (Bytes: Encoding.UTF8.GetBytes(e.Xml), e.Soap12, Kind: IntactEnvelope))),
            (2, envelope.SelectMany(e => JsonFuzz.MutateBytes(Encoding.UTF8.GetBytes(e.Xml)).Select(b => (Bytes: b, e.Soap12, Kind: MutatedEnvelope)))),
            (2, from e in envelope
                from insert in hostileXml
                from at in Gen.Choose(0, 10_000)
                select (Bytes: Encoding.UTF8.GetBytes(e.Xml.Insert(at % e.Xml.Length, insert)), e.Soap12, Kind: MutatedEnvelope)),
            (1, JsonFuzz.Body(data).Select(b => (Bytes: b, Soap12: false, Kind: MutatedEnvelope))));
        var mediaType = Gen.Frequency((12, Gen.Constant<string?>(null)), (1, Gen.Elements<string?>("text/plain", "application/xml", "text/xml; charset=utf-16", "application/soap+xml")));
        return from b in body
               from other in mediaType
               select new FuzzRequest(HttpMethod.Post, InboundSoapNamespace.Path.TrimStart('/'),
                   other ?? (b.Soap12 ? $"application/soap+xml; charset=utf-8; action=\"{SoapAction}\"" : "text/xml; charset=utf-8"),
                   b.Bytes, b.Soap12 ? null : [KeyValuePair.Create("SOAPAction", $"\"{SoapAction}\"")], other is null ? b.Kind : MutatedEnvelope);
    }

    /// <summary><c>POST /api/payments/init/cong-dvc</c>: a dossier's fees, amounts now and then past every bound.</summary>
    public static Gen<FuzzRequest> PaymentInit()
    {
        var amount = Gen.Frequency(
            (8, Gen.Choose(1, 2_000).Select(n => n * 1_000L)),
            (1, Gen.Elements(long.MaxValue, 1_000_000_000_000L, 1_000_000_000_001L, 600_000_000_000L, 0L, -5_000L, long.MinValue)));
        var fee =
            from name in Gen.Elements("Lệ phí", "Phí thẩm định".Normalize(NormalizationForm.FormD), "Phí")
            from soTien in amount
            select FuzzJson.Object(("LoaiPhiLePhi", FuzzJson.String("1")), ("MaPhiLePhi", FuzzJson.String("LP1")), ("TenPhiLePhi", FuzzJson.String(name)), ("SoTien", FuzzJson.Number(soTien)));
        var init =
            from id in MessageId
            from key in DossierKey
            from payer in Gen.Elements("Nguyễn Văn An", "Nguyễn Văn An".Normalize(NormalizationForm.FormD), "Lê Thị Bình")
            from fees in Gen.Choose(1, 3).SelectMany(n => Gen.ListOf(fee, n))
            select FuzzJson.Object(
                ("messageId", FuzzJson.String(id)),
                ("data", FuzzJson.Object(
                    ("MaHoSo", FuzzJson.String(key)), ("MaTTHC", FuzzJson.String("1.003560.000.00.00.H56")), ("TenTTHC", FuzzJson.String("Cấp giấy phép xây dựng")),
                    ("HoTenNguoiNop", FuzzJson.String(payer)), ("SoCMNDNguoiNop", FuzzJson.String("001089012345")), ("DiaChiNguoiNop", FuzzJson.String("Phường Bến Thành")),
                    ("PhiLePhi", FuzzJson.Raw("[" + string.Join(",", fees) + "]")))));
        return from type in JsonContentType
               from body in JsonFuzz.Body(init)
               select new FuzzRequest(HttpMethod.Post, "api/payments/init/cong-dvc", type, body);
    }

    /// <summary><c>POST /api/payments/callback</c>: the platform's genuine callback of a paid payment, sent again, with
    /// fields changed and signed again (so only their content can refuse them), changed and not signed, or mutated.</summary>
    public static Gen<FuzzRequest> PaymentCallback(PaymentCallback genuine)
    {
        var changed =
            from field in Gen.Choose(0, 10)
            from text in JsonFuzz.Text
            from amount in Gen.Elements(genuine.SoTien, 1L, -1L, long.MaxValue, 0L)
            select Change(genuine, field, text, amount);
        var callback = Gen.Frequency(
            (2, Gen.Constant(genuine)),
            (5, changed.Select(c => c with { MaXacThuc = PaymentHash.Callback(c, TestHub.PaymentSecret) })),
            (2, changed));
        return from type in JsonContentType
               from body in JsonFuzz.Body(callback.Select(ToJson))
               select new FuzzRequest(HttpMethod.Post, "api/payments/callback", type, body);
    }

    /// <summary><c>POST /api/citizen-lookups</c>: an officer's lookup of a known citizen (name or date sometimes wrong).</summary>
    public static Gen<FuzzRequest> CitizenLookup(IReadOnlyList<CitizenRecord> citizens)
    {
        var lookup =
            from citizen in Gen.Elements(citizens.ToArray())
            from name in Gen.Frequency((4, Gen.Constant(citizen.HoVaTen)), (1, Gen.Constant(citizen.HoVaTen.Normalize(NormalizationForm.FormD))), (1, JsonFuzz.Text))
            from born in Gen.Frequency((5, Gen.Constant($"{citizen.NgaySinh[..4]}-{citizen.NgaySinh[4..6]}-{citizen.NgaySinh[6..]}")), (1, Gen.Elements("1990-02-30", "31/12/1990", "")))
            from key in DossierKey
            select FuzzJson.Object(("soDinhDanh", FuzzJson.String(citizen.SoDinhDanh)), ("hoVaTen", FuzzJson.String(name)), ("ngaySinh", FuzzJson.String(born)), ("maHoSo", FuzzJson.String(key)));
        return from type in JsonContentType
               from body in JsonFuzz.Body(lookup)
               select new FuzzRequest(HttpMethod.Post, "api/citizen-lookups", type, body);
    }

    /// <summary><c>POST /api/citizen-lookups/{id}/reveal</c>: an existing lookup or not, a reason or not.</summary>
    public static Gen<FuzzRequest> CitizenReveal(IReadOnlyList<long> lookupIds)
    {
        var id = Gen.Frequency(
            (8, Gen.Elements(lookupIds.ToArray()).Select(i => i.ToString(CultureInfo.InvariantCulture))),
            (1, Gen.Choose(0, int.MaxValue - 1).Select(i => i.ToString(CultureInfo.InvariantCulture))),
            (1, Gen.Elements("-1", "0", "99999999999999999999", "1.5", "abc", "%C3%A9", "1%0A")));
        var reason = Gen.Frequency(
            (5, Gen.Elements("Đối chiếu khiếu nại số 12/2026", "Xác minh theo yêu cầu của thanh tra".Normalize(NormalizationForm.FormD))),
            (2, JsonFuzz.Text));
        return from i in id
               from type in JsonContentType
               from body in JsonFuzz.Body(reason.Select(r => FuzzJson.Object(("reason", FuzzJson.String(r)))))
               select new FuzzRequest(HttpMethod.Post, $"api/citizen-lookups/{i}/reveal", type, body);
    }

    /// <summary><c>POST /api/dead-letters/replay</c> and <c>/discard</c>: any mix of criteria, dry or not, a reason or not.</summary>
    public static Gen<FuzzRequest> DeadLetterAction()
    {
        var criteria = new (string Name, Gen<FuzzJson> Value)[]
        {
            ("flow", Gen.Elements("evaluations", "procedures", "payments", "khong-co").Select(FuzzJson.String)),
            ("errorCode", Gen.Elements("INVALID_PAYLOAD", "IGATE-404", "x").Select(FuzzJson.String)),
            ("from", Gen.Elements("2026-01-01T00:00:00Z", "2026-13-01", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "yesterday").Select(FuzzJson.String)),
            ("to", Gen.Elements("2099-01-01T00:00:00Z", "2020-01-01T00:00:00+07:00", "").Select(FuzzJson.String)),
            ("businessKey", DossierKey.Select(FuzzJson.String)),
            ("destination", Gen.Elements("igate:procedures", "igate:evaluations").Select(FuzzJson.String)),
            ("messageIds", Gen.ListOf(Gen.Choose(-5, 5_000), 3).Select(ids => FuzzJson.Raw("[" + string.Join(",", ids) + "]"))),
            ("dryRun", Gen.Frequency((3, Gen.Constant("true")), (1, Gen.Elements("false", "\"yes\"", "1"))).Select(FuzzJson.Raw)),
            ("reason", Gen.Frequency((3, Gen.Constant("thử lại sau khi iGate sửa lỗi")), (1, JsonFuzz.Text)).Select(FuzzJson.String)),
        };
        var selection =
            from present in Gen.ListOf(Gen.Elements(true, false), criteria.Length)
            from values in Gen.CollectToList(criteria.Select(c => c.Value))
            select FuzzJson.Object(criteria.Select((c, i) => (c.Name, Value: values[i], Present: present[i])).Where(c => c.Present).Select(c => KeyValuePair.Create(c.Name, c.Value)));
        return from action in Gen.Elements("replay", "discard")
               from type in JsonContentType
               from body in JsonFuzz.Body(selection)
               select new FuzzRequest(HttpMethod.Post, $"api/dead-letters/{action}", type, body);
    }

    /// <summary><c>POST /api/inbox/parked/replay</c> and <c>/discard</c>: parked inbox ids (or others), all or not,
    /// both or neither, a reason or not.</summary>
    public static Gen<FuzzRequest> ParkedInboxAction(IReadOnlyList<long> parkedIds)
    {
        var ids = Gen.Frequency(
            (4, Gen.Choose(1, 3).SelectMany(n => Gen.ListOf(Gen.Elements(parkedIds.ToArray()), n)).Select(list => string.Join(",", list))),
            (1, Gen.ListOf(Gen.Choose(-5, 5_000), 3).Select(list => string.Join(",", list))),
            (1, Gen.Elements("", "-1", "9223372036854775807", "9223372036854775808", "1.5", "\"1\"", "null")));
        var all = Gen.Frequency((1, Gen.Constant("true")), (3, Gen.Constant("false")), (1, Gen.Elements("\"true\"", "1", "null", "[]")));
        var reason = Gen.Frequency((3, Gen.Elements("đối tác đã gửi lại, phiếu 42", "Sửa dữ liệu".Normalize(NormalizationForm.FormD))), (1, JsonFuzz.Text));
        var action =
            from selection in Gen.Frequency((4, Gen.Constant("ids")), (1, Gen.Constant("all")), (1, Gen.Constant("both")), (1, Gen.Constant("neither")))
            from i in ids
            from a in all
            from r in reason
            from withReason in Gen.Frequency((5, Gen.Constant(true)), (1, Gen.Constant(false)))
            select FuzzJson.Object(new (string Name, FuzzJson Value, bool Present)[]
                {
                    ("ids", FuzzJson.Raw("[" + i + "]"), selection is "ids" or "both"),
                    ("all", FuzzJson.Raw(selection is "all" or "both" ? "true" : a), selection is not "ids" || a != "false"),
                    ("reason", FuzzJson.String(r), withReason),
                }.Where(f => f.Present).Select(f => KeyValuePair.Create(f.Name, f.Value)));
        return from name in Gen.Elements("replay", "discard")
               from type in JsonContentType
               from body in JsonFuzz.Body(action)
               select new FuzzRequest(HttpMethod.Post, $"api/inbox/parked/{name}", type, body);
    }

    private const string SoapAction = InboundSoapNamespace.Value + "/InboundService/Submit";

    private static string Envelope(string type, string messageId, string dataJson, bool soap12) =>
        $"""<s:Envelope xmlns:s="{(soap12 ? "http://www.w3.org/2003/05/soap-envelope" : "http://schemas.xmlsoap.org/soap/envelope/")}"><s:Body><Submit xmlns="{InboundSoapNamespace.Value}"><message><MessageType>{SecurityElement.Escape(type)}</MessageType><MessageId>{SecurityElement.Escape(messageId)}</MessageId><DataJson>{SecurityElement.Escape(dataJson)}</DataJson></message></Submit></s:Body></s:Envelope>""";

    private static PaymentCallback Change(PaymentCallback c, int field, string text, long amount) => field switch
    {
        0 => c with { LoaiBanTin = text },
        1 => c with { MaLoi = text },
        2 => c with { MaDoiTac = text },
        3 => c with { MaThamChieu = text },
        4 => c with { SoTien = amount },
        5 => c with { MaTienTe = text },
        6 => c with { MaGiaoDich = text },
        7 => c with { MaNganHang = text },
        8 => c with { ThoiGianGD = text },
        9 => c with { ThongTinGiaoDich = text },
        _ => c with { MaXacThuc = text },
    };

    private static FuzzJson ToJson(PaymentCallback c) => FuzzJson.Object(
        ("LoaiBanTin", FuzzJson.String(c.LoaiBanTin)), ("MaLoi", FuzzJson.String(c.MaLoi)), ("MaDoiTac", FuzzJson.String(c.MaDoiTac)),
        ("MaThamChieu", FuzzJson.String(c.MaThamChieu)), ("SoTien", FuzzJson.Number(c.SoTien)), ("MaTienTe", FuzzJson.String(c.MaTienTe)),
        ("MaGiaoDich", FuzzJson.String(c.MaGiaoDich)), ("MaNganHang", FuzzJson.String(c.MaNganHang)), ("ThoiGianGD", FuzzJson.String(c.ThoiGianGD)),
        ("ThongTinGiaoDich", FuzzJson.String(c.ThongTinGiaoDich)), ("MaXacThuc", FuzzJson.String(c.MaXacThuc)));
}
