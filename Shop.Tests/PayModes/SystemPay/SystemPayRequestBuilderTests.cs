using Shop.PayModes.Core;
using Shop.PayModes.SystemPay;
using Shop.PayModes.SystemPay.Sandbox;

namespace Shop.Tests.PayModes.SystemPay;

public class SystemPayRequestBuilderTests
{
    private static readonly SystemPayAccount Account = new("12345678", "test-key", "prod-key");

    [Fact]
    public void Build_posts_required_fields_sorted_then_signature()
    {
        var form = SystemPayRequestBuilder.Build(Account, TestAttempts.Standard(), "000042");

        Assert.Equal("signature", form[^1].Key);
        var names = form.Take(form.Count - 1).Select(f => f.Key).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal("INTERACTIVE", form.Value("vads_action_mode"));
        Assert.Equal("1999", form.Value("vads_amount"));
        Assert.Equal("978", form.Value("vads_currency"));
        Assert.Equal("TEST", form.Value("vads_ctx_mode"));
        Assert.Equal("PAYMENT", form.Value("vads_page_action"));
        Assert.Equal("SINGLE", form.Value("vads_payment_config"));
        Assert.Equal("12345678", form.Value("vads_site_id"));
        Assert.Equal("000042", form.Value("vads_trans_id"));
        Assert.Equal("V2", form.Value("vads_version"));
        Assert.Equal("https://shop.test/notify", form.Value("vads_url_check"));
        Assert.Equal("Jane", form.Value("vads_cust_first_name"));
    }

    [Fact]
    public void Trans_date_is_now_in_utc()
    {
        var form = SystemPayRequestBuilder.Build(Account, TestAttempts.Standard(), "000042");

        Assert.Equal("20240401013005", form.Value("vads_trans_date"));
    }

    [Theory]
    [InlineData(PaymentEnvironment.Test, "TEST", "test-key")]
    [InlineData(PaymentEnvironment.Production, "PRODUCTION", "prod-key")]
    public void Signature_uses_the_key_of_the_ctx_mode(PaymentEnvironment environment, string ctxMode, string key)
    {
        var form = SystemPayRequestBuilder.Build(Account, TestAttempts.Standard(environment: environment), "000042");

        Assert.Equal(ctxMode, form.Value("vads_ctx_mode"));
        Assert.Equal(SystemPaySandboxSigner.Sign(form, key, hmac: true), form.Value("signature"));
    }

    [Fact]
    public void Sha1_account_signs_in_lowercase_hex()
    {
        var form = SystemPayRequestBuilder.Build(Account with { Algorithm = SystemPayAlgorithm.Sha1 }, TestAttempts.Standard(), "000042");

        Assert.Equal(SystemPaySandboxSigner.Sign(form, "test-key", hmac: false), form.Value("signature"));
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12 456")]
    public void Trans_id_other_than_six_letters_or_digits_is_rejected(string transId) =>
        Assert.Throws<ArgumentException>(() => SystemPayRequestBuilder.Build(Account, TestAttempts.Standard(), transId));

    [Theory]
    [InlineData(0, "000000")]
    [InlineData(42, "000042")]
    [InlineData(899_999, "899999")]
    public void Trans_id_formats_the_daily_sequence_on_six_digits(int sequence, string expected) =>
        Assert.Equal(expected, SystemPayTransId.Format(sequence));

    [Theory]
    [InlineData(-1)]
    [InlineData(900_000)]
    public void Trans_id_sequence_outside_0_to_899999_is_rejected(int sequence) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SystemPayTransId.Format(sequence));
}
