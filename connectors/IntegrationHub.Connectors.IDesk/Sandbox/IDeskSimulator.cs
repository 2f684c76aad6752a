namespace IntegrationHub.Connectors.IDesk.Sandbox;

/// <summary>iDesk's life in a development run: officers send a document now and then and process received ones.
/// Off (both intervals zero) in tests, which drive it through the controls.</summary>
internal sealed class IDeskSimulator(IDeskOffice office, OutgoingFactory factory, IDeskSandboxOptions options, TimeProvider clock) : IAsyncDisposable
{
    private readonly List<ITimer> _timers = [];

    public void Start()
    {
        if (options.CreateEvery > TimeSpan.Zero)
        {
            _timers.Add(clock.CreateTimer(_ => _ = CreateAsync(), null, options.CreateEvery, options.CreateEvery));
        }

        if (options.ProcessEvery > TimeSpan.Zero)
        {
            _timers.Add(clock.CreateTimer(_ => office.Process(), null, options.ProcessEvery, options.ProcessEvery));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var timer in _timers)
        {
            await timer.DisposeAsync();
        }

        _timers.Clear();
    }

    private async Task CreateAsync()
    {
        try
        {
            await factory.CreateAsync(new CreateOutgoingRequest(), CancellationToken.None);
        }
        catch (IOException)
        {
            // The sandbox is being disposed with its folder; the demo loses one made-up document.
        }
    }
}
