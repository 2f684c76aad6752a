using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Connectors.Kit;
using IntegrationHub.Connectors.Postal.Api;
using IntegrationHub.Connectors.Sandboxing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IntegrationHub.Connectors.Postal;

/// <summary>An in-process twin of the postal service's API (designed, see <see cref="PostalWire"/>): shipments accepted
/// once per idempotency key, each given a UPU S10 tracking number (e.g. <c>EB00000001xVN</c>) and tracked through
/// ACCEPTED, IN_TRANSIT, OUT_FOR_DELIVERY to DELIVERED, or RETURNED for a share of them; every step is an event of the
/// tracking feed. Shipments move one step every <see cref="PostalSandboxOptions.AdvanceEvery"/> (development runs) or on
/// request (<see cref="AdvanceAll"/>, <c>POST /sandbox/shipments/advance</c>). Real HTTP on 127.0.0.1, state in memory.</summary>
public sealed class PostalSandbox : SandboxBase<PostalSandboxOptions>
{
    private static readonly int[] S10Weights = [8, 6, 4, 2, 3, 5, 9, 7];
    private readonly Lock _lock = new();
    private readonly SandboxChangeLog<PostalWire.TrackingEvent> _events = new();
    private readonly Dictionary<string, Shipment> _shipments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byKey = new(StringComparer.Ordinal);
    private readonly Random _random;

    /// <param name="clock">Stamps events and drives <see cref="PostalSandboxOptions.AdvanceEvery"/>; the system clock when null.</param>
    public PostalSandbox(PostalSandboxOptions options, TimeProvider? clock = null)
        : base(PostalConnector.ConnectorId, options, clock) => _random = new Random(options.Seed);

    /// <summary>A counter clerk accepts a shipment quoting <paramref name="senderReference"/>; its ACCEPTED event
    /// enters the feed.</summary>
    /// <returns>Its tracking number.</returns>
    public string Accept(string senderReference, string address = "Số 1 đường Lê Lợi")
    {
        lock (_lock)
        {
            return AcceptLocked(senderReference, address);
        }
    }

    /// <returns>The shipment's latest status; null for a tracking number the post never issued.</returns>
    public string? StatusOf(string trackingNumber)
    {
        lock (_lock)
        {
            return _shipments.GetValueOrDefault(trackingNumber)?.Status;
        }
    }

    /// <summary>Moves every shipment not yet delivered or returned one step on.</summary>
    /// <returns>How many moved.</returns>
    public int AdvanceAll()
    {
        lock (_lock)
        {
            var moving = _shipments.Values.Where(s => s.Status is not (PostalWire.Delivered or PostalWire.Returned)).ToList();
            foreach (var shipment in moving)
            {
                Step(shipment, shipment.Status switch
                {
                    PostalWire.Accepted => PostalWire.InTransit,
                    PostalWire.InTransit => PostalWire.OutForDelivery,
                    _ => _random.Next(100) < Options.ReturnPercent ? PostalWire.Returned : PostalWire.Delivered,
                });
            }

            return moving.Count;
        }
    }

    protected override void OnStarted(Uri address) => Every(Options.AdvanceEvery, () => AdvanceAll());

    protected override IEnumerable<KeyValuePair<string, string?>> Credentials() => [new("ApiKey", Options.ApiKey)];

    protected override void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/v1").AddEndpointFilter(new SandboxAuthFilter(
            HttpAuth.ApiKey(PostalWire.ApiKeyHeader, Options.ApiKey), () => Error(StatusCodes.Status401Unauthorized, "POSTAL-401", "Khóa API (X-Api-Key) không hợp lệ hoặc bị thiếu.")));
        api.MapGet("/ping", () => Results.Json(new { status = "ok" }));
        api.MapPost("/shipments", (HttpRequest request, PostalWire.ShipmentRequest shipment) =>
            Ship(request.Headers[PostalWire.IdempotencyKeyHeader].ToString() is { Length: > 0 } key ? key : null, shipment));
        api.MapGet("/tracking-events", (long? after, int? limit) =>
        {
            lock (_lock)
            {
                var (items, hasMore) = _events.Read(after ?? 0, null, Math.Clamp(limit ?? 100, 1, 1000));
                return Results.Json(new PostalWire.EventPage(items, hasMore), JsonSerializerOptions.Web);
            }
        });
        app.MapPost("/sandbox/shipments/advance", () => Results.Json(new { advanced = AdvanceAll() }));
    }

    protected override JsonObject? OwnStats(IQueryCollection query)
    {
        lock (_lock)
        {
            return new JsonObject { ["shipments"] = _shipments.Count, ["events"] = _events.Count };
        }
    }

    private IResult Ship(string? key, PostalWire.ShipmentRequest shipment)
    {
        const string stream = PostalConnector.ShipmentsStream;
        lock (_lock)
        {
            if (key is not null && _byKey.TryGetValue(key, out var known))
            {
                Writes.Record(stream, key, SandboxWriteOutcome.Repeated);
                return Results.Json(new PostalWire.ShipmentReply(known, _shipments[known].Status), JsonSerializerOptions.Web);
            }

            if (string.IsNullOrWhiteSpace(shipment.SenderReference) || string.IsNullOrWhiteSpace(shipment.Recipient?.Name) || string.IsNullOrWhiteSpace(shipment.Recipient.Address))
            {
                Writes.Record(stream, key, SandboxWriteOutcome.Refused);
                return Error(StatusCodes.Status422UnprocessableEntity, "POSTAL-ADDRESS", "Bưu gửi thiếu mã tham chiếu, người nhận hoặc địa chỉ nhận.");
            }

            var trackingNumber = AcceptLocked(shipment.SenderReference, shipment.Recipient.Address);
            if (key is not null)
            {
                _byKey[key] = trackingNumber;
            }

            Writes.Record(stream, key, SandboxWriteOutcome.Applied);
            return Results.Json(new PostalWire.ShipmentReply(trackingNumber, PostalWire.Accepted), JsonSerializerOptions.Web, statusCode: StatusCodes.Status201Created);
        }
    }

    private string AcceptLocked(string senderReference, string address)
    {
        var serial = (_shipments.Count + 1).ToString("D8", CultureInfo.InvariantCulture);
        var check = 11 - (serial.Select((digit, i) => (digit - '0') * S10Weights[i]).Sum() % 11);
        var shipment = new Shipment($"EB{serial}{check switch { 10 => 0, 11 => 5, _ => check }}VN", senderReference, address);
        _shipments.Add(shipment.TrackingNumber, shipment);
        Step(shipment, PostalWire.Accepted);
        return shipment.TrackingNumber;
    }

    private void Step(Shipment shipment, string status)
    {
        shipment.Status = status;
        var seq = _events.Count + 1L;
        var location = status switch
        {
            PostalWire.Accepted => "Bưu cục Trung tâm Phục vụ hành chính công",
            PostalWire.InTransit => "Trung tâm khai thác vận chuyển",
            _ => shipment.Address,
        };
        _events.Append(seq, string.Empty, new PostalWire.TrackingEvent(
            seq, string.Create(CultureInfo.InvariantCulture, $"EV{seq:D10}"), shipment.TrackingNumber, shipment.SenderReference, status, Clock.GetUtcNow(), location));
    }

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new PostalWire.Error(code, message), JsonSerializerOptions.Web, statusCode: status);

    private sealed class Shipment(string trackingNumber, string senderReference, string address)
    {
        public string TrackingNumber => trackingNumber;

        public string SenderReference => senderReference;

        public string Address => address;

        public string Status { get; set; } = PostalWire.Accepted;
    }
}
