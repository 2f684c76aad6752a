using System.Xml.Serialization;

namespace IntegrationHub.Connectors.PopulationDb.Protocol;

/// <summary>The lookup request. FROM THE REFERENCE: the nine field names. DESIGNED: NgayThangNam as yyyyMMdd, Nam as the
/// four-digit year of birth, all fields strings (the counterpart is string-typed).</summary>
[XmlType(Namespace = QldcNamespace.Value)]
public sealed class XacMinhThongTinNhanThanRequest
{
    public string HoVaTen { get; set; } = string.Empty;

    /// <summary>The 12-digit personal id (số định danh cá nhân). Never log it unmasked.</summary>
    public string SoDinhDanh { get; set; } = string.Empty;

    /// <summary>The old 9-digit identity card number, when known.</summary>
    public string SoCMND { get; set; } = string.Empty;

    public string NgayThangNam { get; set; } = string.Empty;

    public string Nam { get; set; } = string.Empty;

    /// <summary>The integration code the platform issued to the province.</summary>
    public string MaTichHop { get; set; } = string.Empty;

    /// <summary>The public service (DVC) the lookup is made for.</summary>
    public string MaDVC { get; set; } = string.Empty;

    /// <summary>The officer who asks (audited).</summary>
    public string MaCanBo { get; set; } = string.Empty;

    /// <summary>The caller's request id, e.g. the dossier code (audited).</summary>
    public string MaYeuCau { get; set; } = string.Empty;
}
