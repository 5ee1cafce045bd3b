using Shop.PayModes.Mercanet.Sandbox;

namespace Shop.Tests.PayModes.Mercanet.Sandbox;

public class MercanetSandboxSignerTests
{
    [Fact]
    public void Hmac_seal_matches_published_primitive_vector() =>
        Assert.Equal(MercanetVectors.HmacDigest, MercanetSandboxSigner.Seal(MercanetVectors.HmacMessage, MercanetVectors.HmacKey, hmac: true));

    [Fact]
    public void Legacy_sha256_seal_matches_published_vector() =>
        Assert.Equal(MercanetVectors.LegacySeal, MercanetSandboxSigner.Seal(MercanetVectors.LegacyData, MercanetVectors.LegacyKey, hmac: false));

    [Fact]
    public void Data_renders_pairs_joined_by_pipes() =>
        Assert.Equal("amount=1|responseCode=00", MercanetSandboxSigner.Data([("amount", "1"), ("responseCode", "00")]));
}
