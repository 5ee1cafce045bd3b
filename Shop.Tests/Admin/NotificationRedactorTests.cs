using Shop.Web.Admin;

namespace Shop.Tests.Admin;

public sealed class NotificationRedactorTests
{
    [Fact]
    public void Form_fields_named_like_secrets_are_hidden_and_card_numbers_keep_their_last_four_digits()
    {
        var shown = NotificationRedactor.Redact("orderID=12&CARDNO=XXXXXXXXXXXX1111&SHASIGN=209113288F93&PAYID=32100123&note=card+4111+1111+1111+1111&vads_trans_date=20170129130025");
        Assert.Contains("orderID=12", shown);
        Assert.Contains("CARDNO=[redacted]", shown);
        Assert.Contains("SHASIGN=[redacted]", shown);
        Assert.Contains("PAYID=32100123", shown);
        Assert.Contains("note=card ••••••••••••1111", shown);
        Assert.DoesNotContain("4111 1111 1111 1111", shown);
        Assert.DoesNotContain("209113288F93", shown);
    }

    [Fact]
    public void Json_bodies_are_walked_and_nested_secrets_hidden()
    {
        var shown = NotificationRedactor.Redact("""{"id":"WH-1","resource":{"client_secret":"abc","card":{"number":"4111111111111111"},"pan":"5500000000000004"},"transmission_sig":"xyz"}""", "application/json");
        Assert.Contains("WH-1", shown);
        Assert.DoesNotContain("abc", shown);
        Assert.DoesNotContain("xyz", shown);
        Assert.DoesNotContain("4111111111111111", shown);
        Assert.DoesNotContain("5500000000000004", shown);
        Assert.Contains("0004", shown);
    }

    [Theory]
    [InlineData("SecretKey")]
    [InlineData("ShaInPassphrase")]
    [InlineData("vads_signature")]
    [InlineData("Seal")]
    [InlineData("api_key")]
    public void Names_that_speak_of_secrets_are_sensitive(string name) => Assert.True(NotificationRedactor.IsSensitiveName(name));
}
