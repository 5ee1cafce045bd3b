using Shop.PayModes.Ogone;
using Shop.PayModes.Ogone.Sandbox;

namespace Shop.Tests.PayModes.Ogone;

public class OgoneRequestBuilderTests
{
    private static readonly OgoneAccount Account = new("MyPSPID", "in-pass", "out-pass");

    [Fact]
    public void Build_posts_hosted_page_fields_signed_with_sha_in()
    {
        var form = OgoneRequestBuilder.Build(Account, TestAttempts.Standard("A-2024_1"));

        Assert.Equal("MyPSPID", form.Value("PSPID"));
        Assert.Equal("A-2024_1", form.Value("ORDERID"));
        Assert.Equal("1999", form.Value("AMOUNT"));
        Assert.Equal("EUR", form.Value("CURRENCY"));
        Assert.Equal("fr_FR", form.Value("LANGUAGE"));
        Assert.Equal("Jane Doe", form.Value("CN"));
        Assert.Equal("B-1001", form.Value("COMPLUS"));
        Assert.Equal("https://shop.test/cancel", form.Value("CANCELURL"));
        Assert.Equal("SHASIGN", form[^1].Key);
        Assert.Equal(OgoneSandboxSigner.Sign(form.SkipLast(1), "in-pass", shaOut: false, "SHA-1"), form.Value("SHASIGN"));
    }

    [Fact]
    public void Missing_buyer_details_are_left_out()
    {
        var form = OgoneRequestBuilder.Build(Account, TestAttempts.Standard(buyer: new()));

        Assert.DoesNotContain(form, f => f.Key is "CN" or "EMAIL" or "OWNERZIP");
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("accentué")]
    [InlineData("")]
    [InlineData("1234567890123456789012345678901")]
    public void Order_id_outside_30_chars_of_letters_digits_dash_underscore_is_rejected(string reference) =>
        Assert.Throws<ArgumentException>(() => OgoneRequestBuilder.Build(Account, TestAttempts.Standard(reference)));
}
