namespace IntegrationHub.Connectors.DocumentExchange.Sandbox;

/// <summary>The platform's life in a development run: simulated addressees move their documents on, and now and then
/// an agency sends the province a document. Off (both intervals zero) in tests, which drive it through the controls.</summary>
internal sealed class ExchangeSimulator(ExchangePlatform platform, DocumentPlanter planter, ExchangeSandboxOptions options, TimeProvider clock) : IAsyncDisposable
{
    private readonly List<ITimer> _timers = [];

    public void Start()
    {
        if (options.ReplyEvery > TimeSpan.Zero)
        {
            _timers.Add(clock.CreateTimer(_ => platform.Advance(), null, options.ReplyEvery, options.ReplyEvery));
        }

        if (options.PlantEvery > TimeSpan.Zero)
        {
            _timers.Add(clock.CreateTimer(_ => _ = PlantAsync(), null, options.PlantEvery, options.PlantEvery));
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

    private async Task PlantAsync()
    {
        try
        {
            await planter.PlantAsync(new PlantRequest(), CancellationToken.None);
        }
        catch (IOException)
        {
            // The sandbox is being disposed with its folder; the demo loses one made-up document.
        }
    }
}
