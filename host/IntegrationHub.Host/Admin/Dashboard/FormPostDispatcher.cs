using Hangfire.Dashboard;

namespace IntegrationHub.Host.Admin.Dashboard;

/// <summary>A dashboard form's POST: anything but POST is 405, the form is read once. Hangfire checks the antiforgery
/// token before this runs.</summary>
public abstract class FormPostDispatcher : IDashboardDispatcher
{
    public async Task Dispatch(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        await HandleAsync(http, await http.Request.ReadFormAsync(http.RequestAborted));
    }

    protected abstract Task HandleAsync(HttpContext http, IFormCollection form);

    /// <summary>The ticked ids of a list (anything that is not a number is left out).</summary>
    protected static List<long> Ids(IFormCollection form, string field) =>
        form[field].Select(v => long.TryParse(v, out var id) ? id : (long?)null).OfType<long>().ToList();
}
