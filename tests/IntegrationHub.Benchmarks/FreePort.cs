using System.Net;
using System.Net.Sockets;

namespace IntegrationHub.Benchmarks;

/// <summary>A loopback port nobody listens on right now (the host binds it a moment later).</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
