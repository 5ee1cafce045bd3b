using Shop.PayModes.Ogone.Sandbox;

namespace Shop.Tests.PayModes.Ogone.Sandbox;

public class OgoneSandboxSignerTests
{
    [Fact]
    public void Sha_in_matches_published_vector() =>
        Assert.Equal(OgoneVectors.ShaInSha1, OgoneSandboxSigner.Sign(OgoneVectors.ShaInParameters(), OgoneVectors.Passphrase, shaOut: false, "SHA-1"));

    [Fact]
    public void Sha_out_matches_published_vector_with_mixed_case_names() =>
        Assert.Equal(OgoneVectors.ShaOutSha1, OgoneSandboxSigner.Sign(OgoneVectors.ShaOutParameters(), OgoneVectors.Passphrase, shaOut: true, "SHA-1"));

    [Fact]
    public void Unlisted_and_empty_parameters_are_ignored()
    {
        var parameters = OgoneVectors.ShaOutParameters();
        parameters.Add(new("PARAMPLUS", "x"));
        parameters.Add(new("ED", ""));

        Assert.Equal(OgoneVectors.ShaOutSha1, OgoneSandboxSigner.Sign(parameters, OgoneVectors.Passphrase, shaOut: true, "SHA-1"));
    }
}
