using System.Runtime.CompilerServices;
using System.Text.Json;
using IntegrationHub.Connectors.NationalPortal.Client;
using IntegrationHub.Connectors.NationalPortal.Protocol;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Connectors.NationalPortal;

/// <summary>Reads the procedure catalogue page by page: the list of a page, then every procedure's details with
/// bounded concurrency, yielded in the page's order and followed by the page's checkpoint.</summary>
internal sealed class ProceduresReader(NationalPortalSession session, NationalPortalOptions options, ILogger logger)
{
    public async IAsyncEnumerable<SourceItem> ReadAsync(int firstPage, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var page = firstPage; ; page++)
        {
            var (codes, total) = await ListPageAsync(page, cancellationToken).ConfigureAwait(false);
            if (codes.Count == 0)
            {
                // Past the end (the catalogue shrank, or the last run stopped after the final page's checkpoint).
                NationalPortalLog.PassCompleted(logger, page, total);
                yield return ProcedureCheckpoint.Restart.ToSourceCheckpoint();
                yield break;
            }

            var payloads = await ReadDetailsAsync(codes, cancellationToken).ConfigureAwait(false);
            NationalPortalLog.PageRead(logger, page, codes.Count, total);
            for (var i = 0; i < codes.Count; i++)
            {
                yield return new SourceRecord(codes[i], payloads[i], BusinessKey: codes[i]);
            }

            yield return new ProcedureCheckpoint(page + 1).ToSourceCheckpoint();
            if ((long)page * options.PageSize >= total || codes.Count < options.PageSize)
            {
                NationalPortalLog.PassCompleted(logger, page, total);
                yield return ProcedureCheckpoint.Restart.ToSourceCheckpoint();
                yield break;
            }
        }
    }

    private async Task<(IReadOnlyList<string> Codes, int Total)> ListPageAsync(int page, CancellationToken cancellationToken)
    {
        const string service = NationalPortalProtocol.ListProceduresService;
        var item = new Dictionary<string, object?> { ["pageIndex"] = page, ["pageSize"] = options.PageSize };
        var reply = await session.CallAsync(service, item, $"page {page}", cancellationToken).ConfigureAwait(false);
        var total = reply.Total(service);
        var codes = new List<string>();
        foreach (var summary in reply.Result(service, JsonValueKind.Array).EnumerateArray())
        {
            if (summary.ValueKind != JsonValueKind.Object
                || !summary.TryGetProperty("MATTHC", out var code)
                || code.ValueKind != JsonValueKind.String
                || string.IsNullOrWhiteSpace(code.GetString()))
            {
                throw PortalReply.Malformed(service, $"an item of page {page} has no MATTHC", null);
            }

            codes.Add(code.GetString()!);
        }

        return (codes, total);
    }

    private async Task<string[]> ReadDetailsAsync(IReadOnlyList<string> codes, CancellationToken cancellationToken)
    {
        var payloads = new string[codes.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelDetails, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, codes.Count), parallel, async (index, token) =>
        {
            const string service = NationalPortalProtocol.GetProcedureService;
            var item = new Dictionary<string, object?> { ["maTTHC"] = codes[index] };
            var reply = await session.CallAsync(service, item, codes[index], token).ConfigureAwait(false);
            payloads[index] = reply.Result(service, JsonValueKind.Object).GetRawText();
        }).ConfigureAwait(false);
        return payloads;
    }
}
