using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>HTTP clients whose connections leave from a chosen loopback address (127.0.0.2, 127.0.0.3, ...), so one test
/// machine can be several clients as the hub sees them (Linux routes all of 127.0.0.0/8 to the loopback device).</summary>
public static class LoopbackClient
{
    public static HttpClient From(string localAddress, Uri baseAddress, string? user = null, string? password = null)
    {
        var local = new IPEndPoint(IPAddress.Parse(localAddress), 0);
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(local);
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var client = new HttpClient(handler) { BaseAddress = baseAddress };
        if (user is not null)
        {
            client.DefaultRequestHeaders.Authorization = Basic(user, password ?? string.Empty);
        }

        return client;
    }

    public static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
}
