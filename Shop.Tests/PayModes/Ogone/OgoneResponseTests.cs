using Shop.PayModes.Core;
using Shop.PayModes.Ogone;

namespace Shop.Tests.PayModes.Ogone;

public class OgoneResponseTests
{
    private static List<KeyValuePair<string, string>> VectorFeedback() =>
        [.. OgoneVectors.ShaOutParameters(), new("SHASIGN", OgoneVectors.ShaOutSha1)];

    private static NotificationResult<OgoneNotification> Verify(List<KeyValuePair<string, string>> parameters) =>
        OgoneResponse.Verify(parameters, OgoneVectors.Passphrase, OgoneHashAlgorithm.Sha1);

    [Fact]
    public void Published_feedback_verifies_and_exposes_its_fields()
    {
        var result = Verify(VectorFeedback());

        Assert.True(result.SignatureValid);
        var n = result.Notification;
        Assert.Equal("12", n.OrderId);
        Assert.Equal("32100123", n.PayId);
        Assert.Equal("9", n.Status);
        Assert.Equal(1500L, n.AmountMinorUnits);
        Assert.Equal("EUR", n.Currency);
        Assert.Equal("0", n.NcError);
        Assert.Equal(PaymentOutcome.Paid, n.Outcome);
        Assert.Equal("12:32100123:9", n.IdempotencyKey);
    }

    [Fact]
    public void Lowercase_shasign_with_lowercase_name_is_accepted()
    {
        var parameters = OgoneVectors.ShaOutParameters();
        parameters.Add(new("shaSign", OgoneVectors.ShaOutSha1.ToLowerInvariant()));

        Assert.True(Verify(parameters).SignatureValid);
    }

    [Fact]
    public void Unsigned_parameters_do_not_break_verification()
    {
        var parameters = VectorFeedback();
        parameters.Add(new("PARAMPLUS", "anything"));

        Assert.True(Verify(parameters).SignatureValid);
    }

    [Fact]
    public void Tampered_status_gives_bad_signature_and_exposes_nothing()
    {
        var result = Verify(VectorFeedback().With("STATUS", "5"));

        Assert.Equal(SignatureVerdict.BadSignature, result.Verdict);
        Assert.Null(result.Notification);
    }

    public static TheoryData<string, List<KeyValuePair<string, string>>> MalformedFeedback() => new()
    {
        { "no SHASIGN", OgoneVectors.ShaOutParameters() },
        { "same name twice", [.. VectorFeedback(), new("Status", "9")] },
    };

    [Theory]
    [MemberData(nameof(MalformedFeedback))]
    public void Malformed_feedback_gives_malformed_verdict_without_throwing(string why, List<KeyValuePair<string, string>> parameters) =>
        Assert.True(Verify(parameters).Verdict == SignatureVerdict.Malformed, why);

    [Fact]
    public void Signed_but_non_numeric_amount_is_malformed()
    {
        var parameters = OgoneVectors.ShaOutParameters().With("amount", "15,00");
        parameters.Add(new("SHASIGN", OgoneSignature.Compute(parameters, OgoneVectors.Passphrase, OgoneDirection.Out, OgoneHashAlgorithm.Sha1)));

        Assert.Equal(SignatureVerdict.Malformed, Verify(parameters).Verdict);
    }
}
