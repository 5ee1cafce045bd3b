using Shop.PayModes.Ogone;
using Shop.PayModes.Ogone.Sandbox;

namespace Shop.Tests.PayModes.Ogone;

public class OgoneSignatureTests
{
    [Fact]
    public void Sha_in_matches_published_vector() =>
        Assert.Equal(OgoneVectors.ShaInSha1,
            OgoneSignature.Compute(OgoneVectors.ShaInParameters(), OgoneVectors.Passphrase, OgoneDirection.In, OgoneHashAlgorithm.Sha1));

    [Fact]
    public void Sha_out_matches_published_vector_with_mixed_case_names() =>
        Assert.Equal(OgoneVectors.ShaOutSha1,
            OgoneSignature.Compute(OgoneVectors.ShaOutParameters(), OgoneVectors.Passphrase, OgoneDirection.Out, OgoneHashAlgorithm.Sha1));

    [Fact]
    public void Sha_in_string_upper_cases_sorts_and_appends_the_passphrase_to_each_pair() =>
        Assert.Equal("AMOUNT=1500k" + "CURRENCY=EURk" + "LANGUAGE=en_USk" + "ORDERID=1234k" + "PSPID=MyPSPIDk",
            OgoneSignature.StringToSign(
                [new("pspid", "MyPSPID"), new("orderId", "1234"), new("Language", "en_US"), new("currency", "EUR"), new("amount", "1500")],
                "k", OgoneDirection.In));

    [Fact]
    public void Parameters_outside_the_direction_list_are_not_hashed()
    {
        var parameters = OgoneVectors.ShaOutParameters();
        parameters.Add(new("PARAMPLUS", "bill=1"));
        parameters.Add(new("SHASIGN", "ABC"));
        parameters.Add(new("PSPID", "MyPSPID")); // SHA-IN only

        Assert.Equal(OgoneVectors.ShaOutSha1,
            OgoneSignature.Compute(parameters, OgoneVectors.Passphrase, OgoneDirection.Out, OgoneHashAlgorithm.Sha1));
    }

    [Fact]
    public void Empty_values_are_dropped()
    {
        var parameters = OgoneVectors.ShaInParameters();
        parameters.Add(new("EMAIL", ""));
        parameters.Add(new("CN", ""));

        Assert.Equal(OgoneVectors.ShaInSha1,
            OgoneSignature.Compute(parameters, OgoneVectors.Passphrase, OgoneDirection.In, OgoneHashAlgorithm.Sha1));
    }

    [Fact]
    public void Names_are_sorted_ordinally_so_REFID_precedes_REF_CUSTOMERID() =>
        Assert.Equal("REFID=2kREF_CUSTOMERID=1k",
            OgoneSignature.StringToSign([new("REF_CUSTOMERID", "1"), new("REFID", "2")], "k", OgoneDirection.In));

    [Fact]
    public void Same_name_in_two_cases_is_rejected() =>
        Assert.Throws<ArgumentException>(() =>
            OgoneSignature.StringToSign([new("AMOUNT", "1"), new("amount", "2")], "k", OgoneDirection.In));

    [Theory]
    [InlineData(OgoneHashAlgorithm.Sha256, "SHA-256", 64)]
    [InlineData(OgoneHashAlgorithm.Sha512, "SHA-512", 128)]
    public void Longer_hashes_give_uppercase_hex_agreeing_with_the_sandbox(OgoneHashAlgorithm algorithm, string name, int length)
    {
        var signature = OgoneSignature.Compute(OgoneVectors.ShaInParameters(), OgoneVectors.Passphrase, OgoneDirection.In, algorithm);

        Assert.Equal(length, signature.Length);
        Assert.Equal(signature.ToUpperInvariant(), signature);
        Assert.Equal(OgoneSandboxSigner.Sign(OgoneVectors.ShaInParameters(), OgoneVectors.Passphrase, shaOut: false, name), signature);
    }

    [Theory]
    [InlineData("SHA-1", OgoneHashAlgorithm.Sha1)]
    [InlineData("SHA-256", OgoneHashAlgorithm.Sha256)]
    [InlineData("SHA-512", OgoneHashAlgorithm.Sha512)]
    public void Algorithm_setting_strings_parse_and_format_back(string text, OgoneHashAlgorithm expected)
    {
        Assert.Equal(expected, OgoneHashAlgorithmNames.Parse(text));
        Assert.Equal(text, OgoneHashAlgorithmNames.Format(expected));
    }

    [Fact]
    public void Spec_sha_in_names_are_all_in_the_sha_in_set() =>
        Assert.All(
            "ACCEPTURL AMOUNT BACKURL CANCELURL CATALOGURL CN COMPLUS CURRENCY DECLINEURL EMAIL EXCEPTIONURL HOMEURL LANGUAGE LOGO OPERATION ORDERID OWNERADDRESS OWNERCTY OWNERTELNO OWNERTOWN OWNERZIP PARAMPLUS PARAMVAR PM BRAND PSPID TITLE TP".Split(' '),
            name => Assert.True(OgoneShaParameters.ShaIn.Contains(name), name));
}
