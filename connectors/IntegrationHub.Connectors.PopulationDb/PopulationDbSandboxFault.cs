namespace IntegrationHub.Connectors.PopulationDb;

/// <summary>A scripted fault for the next SOAP requests of the sandbox (see <see cref="PopulationDbSandbox.FailNext"/>).</summary>
public enum PopulationDbSandboxFault
{
    /// <summary>Holds the request for <c>Faults.TimeoutDelay</c> (the client gives up first).</summary>
    Timeout,

    /// <summary>A SOAP 1.1 fault <c>soap:Server</c> (HTTP 500, text/xml).</summary>
    SoapFault,

    /// <summary>HTTP 500 with a plain-text body (a proxy or crashed server, not SOAP).</summary>
    ServerError,

    /// <summary>A SOAP fault whose code is <c>qldc:Unauthorized</c>, as for a wrong API key.</summary>
    AuthFault,

    /// <summary>A normal answer with error_code 99 (internal error of the database).</summary>
    SystemError,
}
