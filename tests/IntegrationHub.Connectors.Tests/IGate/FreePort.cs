using System.Net;
using System.Net.Sockets;

namespace IntegrationHub.Connectors.Tests.IGate;

internal static class FreePort
{
    /// <summary>A loopback port that nothing listens on (it was free a moment ago), for connection-refused tests.</summary>
    public static int Closed()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
