using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Delivery;
using IntegrationHub.Host.Observability;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;
using Polly.Telemetry;

namespace IntegrationHub.Tests.Observability;

/// <summary>A counterparty's circuit opening, half-opening and closing are Polly's telemetry (its "Polly" meter, tagged
/// with the counterparty as the pipeline's name), and its state is what the connector statistics read.</summary>
public sealed class CircuitTelemetryTests
{
    [Fact]
    public async Task A_circuit_opening_and_closing_are_polly_metrics_and_its_state_is_read_by_the_statistics()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.Zero));
        var counterparty = "cp-" + Guid.NewGuid().ToString("N")[..8];
        var events = new ConcurrentQueue<string>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == HubInstruments.PollyMeter)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        void Keep(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            string? pipeline = null, name = null;
            foreach (var tag in tags)
            {
                pipeline = tag.Key == "pipeline.name" ? tag.Value as string : pipeline;
                name = tag.Key == "event.name" ? tag.Value as string : name;
            }

            if (pipeline == counterparty && name is not null)
            {
                events.Enqueue(name);
            }
        }

        listener.SetMeasurementEventCallback<int>((_, _, tags, _) => Keep(tags));
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) => Keep(tags));
        listener.Start();

        var circuit = new CircuitBreakerStateProvider();
        var statistics = new CounterpartyCallStatistics(clock);
        var options = new CounterpartyResilienceOptions
        {
            MaxRetryAttempts = 0,
            BreakerMinimumThroughput = 2,
            BreakerFailureRatio = 0.5,
            BreakerDuration = TimeSpan.FromSeconds(5),
        };
        var pipeline = CounterpartyPipelineFactory.Create(counterparty, options, clock, NullLogger.Instance, telemetry: new TelemetryOptions(), circuitState: circuit);
        statistics.TrackCircuit(counterparty, () => circuit.CircuitState);

        for (var i = 0; i < 2; i++)
        {
            using var failed = await pipeline.ExecuteAsync(_ => ValueTask.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)));
        }

        Assert.Equal(CounterpartyCircuitState.Open, statistics.Snapshot(counterparty).Circuit);
        Assert.Contains("OnCircuitOpened", events);

        clock.Advance(TimeSpan.FromSeconds(6));
        using var answered = await pipeline.ExecuteAsync(_ => ValueTask.FromResult(new HttpResponseMessage(HttpStatusCode.OK)));
        Assert.Equal(CounterpartyCircuitState.Closed, statistics.Snapshot(counterparty).Circuit);
        Assert.Contains("OnCircuitHalfOpened", events);
        Assert.Contains("OnCircuitClosed", events);
    }
}
