using Shop.PayModes.Core;
using Shop.PayModes.Mercanet;
using Shop.PayModes.Mercanet.Sandbox;

namespace Shop.Tests.PayModes.Mercanet;

public class MercanetResponseTests
{
    private const string Key = "002001000000001_KEY1";

    private const string ResponseData =
        "amount=1999|currencyCode=978|merchantId=002001000000001|transactionReference=A20240101x1" +
        "|keyVersion=1|responseCode=00|orderId=B-1001|returnContext=a=b|customerId=null";

    private static List<KeyValuePair<string, string>> Signed(string posted, bool hmac = true, string encode = "") =>
    [
        new("Data", posted), new("Seal", MercanetSandboxSigner.Seal(posted, Key, hmac)),
        new("InterfaceVersion", "HP_2.31"), new("Encode", encode),
    ];

    [Fact]
    public void Valid_response_exposes_its_parsed_fields()
    {
        var result = MercanetResponse.Verify(Signed(ResponseData), Key, MercanetSealAlgorithm.HmacSha256);

        Assert.True(result.SignatureValid);
        var notification = result.Notification;
        Assert.Equal("002001000000001", notification.MerchantId);
        Assert.Equal("A20240101x1", notification.TransactionReference);
        Assert.Equal(1999L, notification.AmountMinorUnits);
        Assert.Equal("978", notification.CurrencyCode);
        Assert.Equal("00", notification.ResponseCode);
        Assert.Equal("B-1001", notification.OrderId);
        Assert.Equal(PaymentOutcome.Paid, notification.Outcome);
    }

    [Fact]
    public void Pairs_split_on_the_first_equals_and_null_means_absent()
    {
        var notification = MercanetResponse.Verify(Signed(ResponseData), Key, MercanetSealAlgorithm.HmacSha256).Notification!;

        Assert.Equal("a=b", notification.Fields["returnContext"]);
        Assert.False(notification.Fields.ContainsKey("customerId"));
    }

    [Fact]
    public void Legacy_sha256_response_verifies_with_the_legacy_algorithm()
    {
        var result = MercanetResponse.Verify(Signed(ResponseData, hmac: false), Key, MercanetSealAlgorithm.Sha256);

        Assert.True(result.SignatureValid);
    }

    [Fact]
    public void Base64_encoded_response_is_verified_over_the_base64_text_then_decoded()
    {
        var posted = MercanetData.EncodeBase64(ResponseData);

        var result = MercanetResponse.Verify(Signed(posted, encode: "base64"), Key, MercanetSealAlgorithm.HmacSha256);

        Assert.True(result.SignatureValid);
        Assert.Equal("A20240101x1", result.Notification.TransactionReference);
    }

    [Fact]
    public void Tampered_data_gives_bad_signature_and_exposes_nothing()
    {
        var form = Signed(ResponseData).With("Data", ResponseData.Replace("amount=1999", "amount=1"));

        var result = MercanetResponse.Verify(form, Key, MercanetSealAlgorithm.HmacSha256);

        Assert.Equal(SignatureVerdict.BadSignature, result.Verdict);
        Assert.False(result.SignatureValid);
        Assert.Null(result.Notification);
    }

    [Fact]
    public void Seal_is_compared_case_insensitively() =>
        Assert.True(MercanetResponse.Verify(
            Signed(ResponseData).With("Seal", MercanetSandboxSigner.Seal(ResponseData, Key, true).ToUpperInvariant()),
            Key, MercanetSealAlgorithm.HmacSha256).SignatureValid);

    public static TheoryData<string, List<KeyValuePair<string, string>>> MalformedForms() => new()
    {
        { "no Data", [new("Seal", "00")] },
        { "no Seal", [new("Data", ResponseData)] },
        { "two Data", [new("Data", ResponseData), new("Data", ResponseData), new("Seal", MercanetSandboxSigner.Seal(ResponseData, Key, true))] },
        { "bad Base64", Signed("not*base64!", encode: "base64") },
        { "non-numeric amount", Signed(ResponseData.Replace("amount=1999", "amount=19.99")) },
        { "missing responseCode", Signed(ResponseData.Replace("|responseCode=00", "")) },
        { "unknown Encode", Signed(ResponseData, encode: "rot13") },
    };

    [Theory]
    [MemberData(nameof(MalformedForms))]
    public void Malformed_response_gives_malformed_verdict_without_throwing(string why, List<KeyValuePair<string, string>> form)
    {
        var result = MercanetResponse.Verify(form, Key, MercanetSealAlgorithm.HmacSha256);

        Assert.True(result.Verdict == SignatureVerdict.Malformed, why);
        Assert.Null(result.Notification);
    }

    [Fact]
    public void Idempotency_key_lets_pending_then_accepted_through()
    {
        var pending = MercanetResponse.Verify(Signed(ResponseData.Replace("responseCode=00", "responseCode=60")), Key, MercanetSealAlgorithm.HmacSha256);
        var paid = MercanetResponse.Verify(Signed(ResponseData), Key, MercanetSealAlgorithm.HmacSha256);

        Assert.Equal("002001000000001:A20240101x1:00", paid.Notification!.IdempotencyKey);
        Assert.NotEqual(pending.Notification!.IdempotencyKey, paid.Notification.IdempotencyKey);
    }
}
