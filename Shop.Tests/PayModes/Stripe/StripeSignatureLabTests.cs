using Shop.PayModes.Core.SignatureLab;
using Shop.PayModes.Stripe;
using Stripe;

namespace Shop.Tests.PayModes.Stripe;

public sealed class StripeSignatureLabTests
{
    private const string Body = """{"id":"evt_1","object":"event","type":"checkout.session.completed"}""";
    private const string Secret = "whsec_lab_secret";

    private static SignatureLabResult Analyze(string header, string key = Secret) => new StripeSignatureLab().Analyze(new SignatureLabInput(Body, key,
        Headers: new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Stripe-Signature"] = header }));

    [Fact]
    public void A_header_Stripe_net_signed_is_verified_and_the_string_to_sign_is_shown()
    {
        var header = EventUtility.GenerateSignatureHeader(Body, Secret, 1700000000);

        var result = Analyze(header);

        Assert.True(result.Verdict);
        Assert.Equal($"1700000000.{Body}", result.StringToSign);
        Assert.EndsWith("v1=" + result.Signature, header);
    }

    [Fact]
    public void Another_secret_is_a_mismatch_and_any_of_several_v1_signatures_may_match()
    {
        var header = EventUtility.GenerateSignatureHeader(Body, Secret, 1700000000);

        Assert.False(Analyze(header, "whsec_other").Verdict);
        Assert.True(Analyze($"t=1700000000,v1={new string('0', 64)},{header[(header.IndexOf(',') + 1)..]}").Verdict);
    }

    [Theory]
    [InlineData("v1=abc")]
    [InlineData("t=now,v1=abc")]
    [InlineData("t=1700000000")]
    [InlineData("garbage")]
    public void A_malformed_header_is_a_clear_lab_error(string header) =>
        Assert.Throws<SignatureLabException>(() => Analyze(header));

    [Fact]
    public void The_self_check_passes_with_a_test_key_and_a_webhook_secret_and_never_shows_them()
    {
        var result = StripeSelfCheck.Run(new StripeSettings { SecretKey = "sk_test_abcdef", WebhookSecret = "whsec_abcdef" }, shopTestMode: true);

        Assert.All(result.Lines, line => Assert.True(line.Ok, $"{line.Check}: {line.Detail}"));
        Assert.DoesNotContain(result.Lines, line => line.Detail.Contains("abcdef", StringComparison.Ordinal));
    }
}
