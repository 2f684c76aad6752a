namespace IntegrationHub.Connectors.PopulationDb.Protocol;

/// <summary>Names of the population database service. FROM THE REFERENCE: the namespace and the operation name (a public
/// mock schema of the provincial data-sharing platform). DESIGNED: the service name, the endpoint path and the action.</summary>
public static class QldcNamespace
{
    public const string Value = "http://gtel.vn/qldc";

    public const string ServiceName = "CongDanService";

    public const string Operation = "XacMinhThongTinNhanThan";

    public const string Action = Value + "/" + Operation;

    /// <summary>Path of the SOAP endpoint relative to the options' BaseUrl (designed).</summary>
    public const string Path = "qldc/CongDanService.svc";

    /// <summary>The header of the platform's API key.</summary>
    public const string ApiKeyHeader = "X-Api-Key";
}
