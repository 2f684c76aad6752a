using IntegrationHub.Host.Admin;
using Xunit;

namespace IntegrationHub.Tests.Admin;

public sealed class AdminPasswordHasherTests
{
    [Fact]
    public void A_hash_verifies_its_password_only()
    {
        var hash = AdminPasswordHasher.Hash("mật khẩu đúng");
        Assert.True(AdminPasswordHasher.IsWellFormed(hash));
        Assert.True(AdminPasswordHasher.Verify(hash, "mật khẩu đúng"));
        Assert.False(AdminPasswordHasher.Verify(hash, "mật khẩu sai"));
        Assert.DoesNotContain("mật khẩu", hash, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain-text-password")]
    [InlineData("AAAA")]
    public void Text_that_is_not_a_hash_is_rejected(string text) => Assert.False(AdminPasswordHasher.IsWellFormed(text));
}
