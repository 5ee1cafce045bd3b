using Shop.PayModes.Core;
using Shop.PayModes.SystemPay;
using Shop.PayModes.SystemPay.Sandbox;

namespace Shop.Tests.PayModes.SystemPay;

public class SystemPayResponseTests
{
    private static readonly SystemPayAccount Account = new("12345678", "test-key", "prod-key");

    private static List<KeyValuePair<string, string>> Notification(
        string ctxMode = "TEST", string key = "test-key", string status = "AUTHORISED", bool hmac = true, string amount = "1999")
    {
        List<KeyValuePair<string, string>> fields =
        [
            new("vads_amount", amount), new("vads_ctx_mode", ctxMode), new("vads_currency", "978"),
            new("vads_order_id", "B-1001"), new("vads_result", "00"), new("vads_site_id", "12345678"),
            new("vads_trans_date", "20240331233005"), new("vads_trans_id", "00004a"), new("vads_trans_status", status),
            new("vads_trans_uuid", "9f1b3c"), new("vads_url_check_src", "PAY"), new("vads_cust_first_name", "Hélène"),
            new("vads_order_info", ""),
        ];
        fields.Add(new("signature", SystemPaySandboxSigner.Sign(fields, key, hmac)));
        return fields;
    }

    [Fact]
    public void Valid_notification_exposes_its_parsed_fields()
    {
        var result = SystemPayResponse.Verify(Notification(), Account);

        Assert.True(result.SignatureValid);
        var n = result.Notification;
        Assert.Equal("12345678", n.SiteId);
        Assert.Equal("00004a", n.TransId);
        Assert.Equal(new DateTimeOffset(2024, 3, 31, 23, 30, 5, TimeSpan.Zero), n.TransDate);
        Assert.Equal(1999L, n.AmountMinorUnits);
        Assert.Equal("978", n.CurrencyNumeric);
        Assert.Equal("AUTHORISED", n.TransStatus);
        Assert.Equal("00", n.Result);
        Assert.Equal("B-1001", n.OrderId);
        Assert.Equal("9f1b3c", n.TransUuid);
        Assert.Equal(PaymentEnvironment.Test, n.Environment);
        Assert.Equal(PaymentOutcome.Paid, n.Outcome);
    }

    [Fact]
    public void Production_notification_is_verified_with_the_production_key()
    {
        Assert.True(SystemPayResponse.Verify(Notification("PRODUCTION", "prod-key"), Account).SignatureValid);
        Assert.Equal(SignatureVerdict.BadSignature, SystemPayResponse.Verify(Notification("PRODUCTION", "test-key"), Account).Verdict);
    }

    [Fact]
    public void Sha1_notification_verifies_in_sha1_mode_whatever_the_hex_case()
    {
        var form = Notification(hmac: false);
        form = form.With("signature", form.Value("signature").ToUpperInvariant());

        Assert.True(SystemPayResponse.Verify(form, Account with { Algorithm = SystemPayAlgorithm.Sha1 }).SignatureValid);
    }

    [Fact]
    public void Tampered_field_gives_bad_signature_and_exposes_nothing()
    {
        var result = SystemPayResponse.Verify(Notification().With("vads_amount", "1"), Account);

        Assert.Equal(SignatureVerdict.BadSignature, result.Verdict);
        Assert.Null(result.Notification);
    }

    [Fact]
    public void Added_vads_field_gives_bad_signature()
    {
        var form = Notification();
        form.Insert(0, new("vads_extra", "x"));

        Assert.Equal(SignatureVerdict.BadSignature, SystemPayResponse.Verify(form, Account).Verdict);
    }

    public static TheoryData<string, List<KeyValuePair<string, string>>> MalformedForms() => new()
    {
        { "no signature", Notification().Where(f => f.Key != "signature").ToList() },
        { "unknown ctx mode", Notification(ctxMode: "DEV") },
        { "repeated field", [.. Notification(), new("vads_amount", "1999")] },
        { "non-numeric amount", Notification(amount: "19.99") },
    };

    [Theory]
    [MemberData(nameof(MalformedForms))]
    public void Malformed_notification_gives_malformed_verdict_without_throwing(string why, List<KeyValuePair<string, string>> form)
    {
        var result = SystemPayResponse.Verify(form, Account);

        Assert.True(result.Verdict == SignatureVerdict.Malformed, why);
        Assert.Null(result.Notification);
    }

    [Fact]
    public void Idempotency_key_is_site_utc_day_upper_trans_id_and_status()
    {
        var waiting = SystemPayResponse.Verify(Notification(status: "WAITING_AUTHORISATION"), Account).Notification!;
        var paid = SystemPayResponse.Verify(Notification(), Account).Notification!;

        Assert.Equal("12345678:20240331:00004A:AUTHORISED", paid.IdempotencyKey);
        Assert.NotEqual(waiting.IdempotencyKey, paid.IdempotencyKey);
    }

    [Fact]
    public void A_message_for_a_mode_without_a_key_is_refused_even_when_signed_with_the_empty_key()
    {
        var testOnly = new SystemPayAccount("12345678", "test-key", "");

        Assert.Equal(SignatureVerdict.BadSignature, SystemPayResponse.Verify(Notification("PRODUCTION", ""), testOnly).Verdict);
        Assert.True(SystemPayResponse.Verify(Notification("TEST", "test-key"), testOnly).SignatureValid);
    }
}
