using Shop.PayModes.Mercanet;

namespace Shop.Tests.PayModes.Mercanet;

public class MercanetSealTests
{
    [Fact]
    public void Hmac_seal_matches_published_primitive_vector() =>
        Assert.Equal(MercanetVectors.HmacDigest,
            MercanetSeal.Compute(MercanetVectors.HmacMessage, MercanetVectors.HmacKey, MercanetSealAlgorithm.HmacSha256));

    [Fact]
    public void Legacy_sha256_seal_matches_published_vector() =>
        Assert.Equal(MercanetVectors.LegacySeal,
            MercanetSeal.Compute(MercanetVectors.LegacyData, MercanetVectors.LegacyKey, MercanetSealAlgorithm.Sha256));

    [Fact]
    public void String_to_sign_is_data_for_hmac_and_data_plus_key_for_legacy()
    {
        Assert.Equal("d", MercanetSeal.StringToSign("d", "k", MercanetSealAlgorithm.HmacSha256));
        Assert.Equal("dk", MercanetSeal.StringToSign("d", "k", MercanetSealAlgorithm.Sha256));
    }

    [Theory]
    [InlineData("HMAC-SHA-256", MercanetSealAlgorithm.HmacSha256)]
    [InlineData("SHA-256", MercanetSealAlgorithm.Sha256)]
    [InlineData("hmac-sha-256", MercanetSealAlgorithm.HmacSha256)]
    public void Algorithm_setting_strings_parse_and_format_back(string text, MercanetSealAlgorithm expected)
    {
        Assert.Equal(expected, MercanetSealAlgorithmNames.Parse(text));
        Assert.Equal(text.ToUpperInvariant(), MercanetSealAlgorithmNames.Format(expected));
    }

    [Fact]
    public void Unknown_algorithm_is_not_parsed() =>
        Assert.False(MercanetSealAlgorithmNames.TryParse("SHA-1", out _));
}
