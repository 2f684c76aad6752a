using IntegrationHub.Contracts;

namespace IntegrationHub.Host.Admin;

/// <summary>The engine's admin request rules (<see cref="AdminJsonBody"/>) and downloads (<see cref="CsvDownload"/>) as the
/// contract offers them to modules.</summary>
public sealed class AdminRequests : IHubAdminRequests
{
    public Task<(T? Body, IResult? Problem)> ReadJsonAsync<T>(HttpContext context, int maxBytes, string shape, CancellationToken cancellationToken) =>
        AdminJsonBody.ReadAsync<T>(context, maxBytes, shape, cancellationToken);

    public IResult Problem(int status, string code, string title, string detail) => AdminJsonBody.Problem(status, code, title, detail);

    public IResult Csv(string fileName, IReadOnlyList<string> header, IAsyncEnumerable<IReadOnlyList<string?>> rows) => new CsvDownload(fileName, header, rows);
}
