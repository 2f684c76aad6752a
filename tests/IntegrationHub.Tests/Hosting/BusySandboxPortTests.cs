using System.Net;
using System.Net.Sockets;
using IntegrationHub.Host;
using IntegrationHub.Tests.Infrastructure;

namespace IntegrationHub.Tests.Hosting;

/// <summary>A second demo hub on one machine finds its sandbox ports taken: it says which and what to do, without a
/// stack trace, and leaves no sandbox of its own listening.</summary>
[Collection(PostgresCollection.Name)]
public sealed class BusySandboxPortTests
{
    // Sandboxes start before the database is touched: no server needs to listen here.
    private const string UnusedDatabase = "Host=127.0.0.1;Port=1;Username=nobody;Password=x;Database=none";

    [Fact]
    public async Task A_sandbox_port_in_use_stops_the_start_with_a_message_naming_the_sandbox_and_its_setting()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var takenPort = ((IPEndPoint)taken.LocalEndpoint).Port;
        var ports = RegisteredModules.SandboxIds.ToDictionary(id => id, id => id == "igate" ? takenPort : HubProcess.FreePort());
        var settings = TestHub.BaseSettings(UnusedDatabase);
        settings["Sandboxes:Enabled"] = "true";
        settings["Sandboxes:Partners:Enabled"] = "false";
        foreach (var (id, port) in ports)
        {
            settings[$"Sandboxes:{id}:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var error = await Assert.ThrowsAsync<HubStartupException>(() => TestHub.StartAsync(settings));

        Assert.StartsWith("The sandbox of igate cannot listen: ", error.Message, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{takenPort}", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("stop it, or give this sandbox another one (Sandboxes:igate:Port).", error.Message, StringComparison.Ordinal);
        foreach (var (id, port) in ports.Where(p => p.Key != "igate"))
        {
            using var again = new TcpListener(IPAddress.Loopback, port);
            again.Start(); // throws if the refused start left the sandbox of `id` listening
        }
    }
}
