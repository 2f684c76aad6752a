using IntegrationHub.Contracts;
using IntegrationHub.Contracts.Privacy;
using IntegrationHub.Host.Delivery;

namespace IntegrationHub.Tests.Citizens;

public sealed class MaskedExceptionTests
{
    [Fact]
    public void A_delivery_failure_echoing_a_personal_id_carries_it_masked_in_every_text_hangfire_keeps()
    {
        var failure = new ConnectorFailure(FailureKind.Transient, "IGATE-500", "iGate refused dossier of 056085123485");
        Exception inner;
        try
        {
            throw new HttpRequestException("upstream said: CCCD 079201004567 khong hop le");
        }
        catch (HttpRequestException e)
        {
            inner = e;
        }

        var exception = new DeliveryFailedException("igate:dossiers", failure, inner);

        var texts = new[] { exception.Message, exception.ToString(), exception.InnerException!.Message, exception.InnerException.ToString() };
        Assert.All(texts, t => Assert.DoesNotContain("056085123485", t, StringComparison.Ordinal));
        Assert.All(texts, t => Assert.DoesNotContain("079201004567", t, StringComparison.Ordinal));
        Assert.Contains("0792******67", exception.ToString(), StringComparison.Ordinal);
        Assert.Contains(nameof(A_delivery_failure_echoing_a_personal_id_carries_it_masked_in_every_text_hangfire_keeps), exception.InnerException.StackTrace, StringComparison.Ordinal);
        Assert.Equal(typeof(HttpRequestException).FullName, Assert.IsType<MaskedException>(exception.InnerException).OriginalType);
    }

    [Fact]
    public void An_exception_without_personal_ids_is_kept_as_it_is()
    {
        var original = new InvalidOperationException("iGate answered 503 after 5 attempts");

        Assert.Same(original, MaskedException.Guard(original));
    }
}
