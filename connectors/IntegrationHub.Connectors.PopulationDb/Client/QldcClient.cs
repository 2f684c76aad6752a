using System.ServiceModel;
using IntegrationHub.Connectors.Kit;
using IntegrationHub.Connectors.PopulationDb.Protocol;

namespace IntegrationHub.Connectors.PopulationDb.Client;

/// <summary>One SOAP call per attempt over a shared <see cref="ChannelFactory{TChannel}"/> (BasicHttpBinding, SOAP 1.1).
/// WCF's Task operations take no CancellationToken: a cancelled or timed-out attempt aborts its channel.</summary>
internal sealed class QldcClient : IDisposable
{
    private readonly ChannelFactory<IQldcService> _factory;

    public QldcClient(PopulationDbOptions options, Func<HttpMessageHandler, HttpMessageHandler>? outerHandler)
    {
        var binding = new BasicHttpBinding(new Uri(options.BaseUrl).Scheme == Uri.UriSchemeHttps ? BasicHttpSecurityMode.Transport : BasicHttpSecurityMode.None)
        {
            SendTimeout = options.Timeout,
            ReceiveTimeout = options.Timeout,
            OpenTimeout = options.Timeout,
            CloseTimeout = options.Timeout,
            MaxReceivedMessageSize = 1024 * 1024,
        };
        var address = new EndpointAddress(new Uri(new Uri(options.BaseUrl), QldcNamespace.Path));
        _factory = new ChannelFactory<IQldcService>(binding, address);
        _factory.Endpoint.EndpointBehaviors.Add(new HttpHandlerBehavior(HttpAuth.ApiKey(QldcNamespace.ApiKeyHeader, options.ApiKey), outerHandler));
    }

    public async Task<XacMinhThongTinNhanThanResult> CallAsync(XacMinhThongTinNhanThanRequest request, CancellationToken cancellationToken)
    {
        var channel = _factory.CreateChannel();
        var communication = (ICommunicationObject)channel;
        try
        {
            var result = await channel.XacMinhThongTinNhanThanAsync(request).WaitAsync(cancellationToken).ConfigureAwait(false);
            communication.Close();
            return result;
        }
        catch
        {
            communication.Abort();
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            _factory.Close();
        }
        catch (CommunicationException)
        {
            _factory.Abort();
        }
        catch (TimeoutException)
        {
            _factory.Abort();
        }
    }
}
