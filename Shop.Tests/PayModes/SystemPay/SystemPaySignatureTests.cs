using System.Security.Cryptography;
using System.Text;
using Shop.PayModes.SystemPay;

namespace Shop.Tests.PayModes.SystemPay;

public class SystemPaySignatureTests
{
    [Fact]
    public void String_to_sign_matches_published_vector() =>
        Assert.Equal(SystemPayVectors.StringToSign, SystemPaySignature.StringToSign(SystemPayVectors.Fields(), SystemPayVectors.Key));

    [Fact]
    public void Sha1_signature_matches_published_vector() =>
        Assert.Equal(SystemPayVectors.Sha1, SystemPaySignature.Compute(SystemPayVectors.Fields(), SystemPayVectors.Key, SystemPayAlgorithm.Sha1));

    [Fact]
    public void Hmac_signature_matches_published_vector() =>
        Assert.Equal(SystemPayVectors.Hmac, SystemPaySignature.Compute(SystemPayVectors.Fields(), SystemPayVectors.Key, SystemPayAlgorithm.HmacSha256));

    [Fact]
    public void Fields_not_starting_with_vads_are_ignored()
    {
        var fields = SystemPayVectors.Fields();
        fields.Add(new("signature", "whatever"));
        fields.Add(new("other", "x"));

        Assert.Equal(SystemPayVectors.StringToSign, SystemPaySignature.StringToSign(fields, SystemPayVectors.Key));
    }

    [Fact]
    public void Empty_vads_value_is_kept_and_gives_a_double_plus()
    {
        var fields = SystemPayVectors.Fields();
        fields.Add(new("vads_order_info", ""));

        Assert.Equal(
            "INTERACTIVE+5124+TEST+978++PAYMENT+SINGLE+12345678+20170129130025+123456+V2+1122334455667788",
            SystemPaySignature.StringToSign(fields, SystemPayVectors.Key));
    }

    [Fact]
    public void Accented_values_are_signed_over_their_utf8_bytes()
    {
        var fields = SystemPayVectors.Fields();
        fields.Add(new("vads_cust_first_name", "Hélène"));
        const string expected =
            "INTERACTIVE+5124+TEST+978+Hélène+PAYMENT+SINGLE+12345678+20170129130025+123456+V2+1122334455667788";
        var expectedHmac = Convert.ToBase64String(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(SystemPayVectors.Key), Encoding.UTF8.GetBytes(expected)));

        Assert.Equal(expected, SystemPaySignature.StringToSign(fields, SystemPayVectors.Key));
        Assert.Equal(expectedHmac, SystemPaySignature.Compute(fields, SystemPayVectors.Key, SystemPayAlgorithm.HmacSha256));
    }

    [Fact]
    public void Repeated_vads_field_is_rejected()
    {
        var fields = SystemPayVectors.Fields();
        fields.Add(new("vads_amount", "1"));

        Assert.Throws<ArgumentException>(() => SystemPaySignature.StringToSign(fields, SystemPayVectors.Key));
    }

    [Theory]
    [InlineData("HMAC-SHA-256", SystemPayAlgorithm.HmacSha256)]
    [InlineData("SHA-1", SystemPayAlgorithm.Sha1)]
    public void Algorithm_setting_strings_parse_and_format_back(string text, SystemPayAlgorithm expected)
    {
        Assert.Equal(expected, SystemPayAlgorithmNames.Parse(text));
        Assert.Equal(text, SystemPayAlgorithmNames.Format(expected));
    }

    [Fact]
    public void Unknown_algorithm_is_not_parsed() => Assert.Throws<FormatException>(() => SystemPayAlgorithmNames.Parse("SHA-256"));
}
