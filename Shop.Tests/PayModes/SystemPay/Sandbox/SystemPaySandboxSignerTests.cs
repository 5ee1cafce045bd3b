using Shop.PayModes.SystemPay.Sandbox;

namespace Shop.Tests.PayModes.SystemPay.Sandbox;

public class SystemPaySandboxSignerTests
{
    [Fact]
    public void Signed_text_matches_published_vector() =>
        Assert.Equal(SystemPayVectors.StringToSign, SystemPaySandboxSigner.SignedText(SystemPayVectors.Fields(), SystemPayVectors.Key));

    [Fact]
    public void Sha1_signature_matches_published_vector() =>
        Assert.Equal(SystemPayVectors.Sha1, SystemPaySandboxSigner.Sign(SystemPayVectors.Fields(), SystemPayVectors.Key, hmac: false));

    [Fact]
    public void Hmac_signature_matches_published_vector() =>
        Assert.Equal(SystemPayVectors.Hmac, SystemPaySandboxSigner.Sign(SystemPayVectors.Fields(), SystemPayVectors.Key, hmac: true));

    [Fact]
    public void Empty_vads_value_is_kept()
    {
        var fields = SystemPayVectors.Fields();
        fields.Add(new("vads_order_info", ""));

        Assert.Contains("+978++PAYMENT+", SystemPaySandboxSigner.SignedText(fields, SystemPayVectors.Key));
    }
}
