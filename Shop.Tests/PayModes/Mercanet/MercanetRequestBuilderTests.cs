using Shop.PayModes.Core;
using Shop.PayModes.Mercanet;
using Shop.PayModes.Mercanet.Sandbox;

namespace Shop.Tests.PayModes.Mercanet;

public class MercanetRequestBuilderTests
{
    private static readonly MercanetAccount Account = new("002001000000001", "1", "002001000000001_KEY1");

    [Fact]
    public void Build_posts_pipe_separated_data_with_hmac_seal_over_it()
    {
        var form = MercanetRequestBuilder.Build(Account, TestAttempts.Standard());

        Assert.Equal(["Data", "InterfaceVersion", "SealAlgorithm", "Seal"], form.Select(f => f.Key));
        Assert.Equal(
            "amount=1999|currencyCode=978|merchantId=002001000000001|normalReturnUrl=https://shop.test/return" +
            "|transactionReference=A20240101x1|keyVersion=1|automaticResponseUrl=https://shop.test/notify" +
            "|orderChannel=INTERNET|orderId=B-1001|returnContext=B-1001|customerContact.email=jane@example.com" +
            "|customerContact.firstname=Jane|customerContact.lastname=Doe",
            form.Value("Data"));
        Assert.Equal("HP_2.31", form.Value("InterfaceVersion"));
        Assert.Equal("HMAC-SHA-256", form.Value("SealAlgorithm"));
        Assert.Equal(MercanetSandboxSigner.Seal(form.Value("Data"), Account.SecretKey, hmac: true), form.Value("Seal"));
    }

    [Fact]
    public void Legacy_algorithm_omits_SealAlgorithm_and_seals_data_plus_key()
    {
        var form = MercanetRequestBuilder.Build(Account with { Algorithm = MercanetSealAlgorithm.Sha256 }, TestAttempts.Standard());

        Assert.DoesNotContain(form, f => f.Key == "SealAlgorithm");
        Assert.Equal(MercanetSandboxSigner.Seal(form.Value("Data"), Account.SecretKey, hmac: false), form.Value("Seal"));
    }

    [Fact]
    public void Base64_encoding_posts_encoded_data_and_seals_the_base64_text()
    {
        var form = MercanetRequestBuilder.Build(Account with { EncodeBase64 = true }, TestAttempts.Standard());

        var posted = form.Value("Data");
        Assert.Equal("base64", form.Value("Encode"));
        Assert.StartsWith("amount=1999|", MercanetData.DecodeBase64(posted));
        Assert.Equal(MercanetSandboxSigner.Seal(posted, Account.SecretKey, hmac: true), form.Value("Seal"));
    }

    [Fact]
    public void Currency_is_sent_as_its_iso_numeric_code()
    {
        var form = MercanetRequestBuilder.Build(Account, TestAttempts.Standard(currency: "JPY", amount: 500));

        Assert.Contains("amount=500|currencyCode=392|", form.Value("Data"));
    }

    [Fact]
    public void A_pipe_in_what_the_buyer_typed_never_breaks_the_data()
    {
        var form = MercanetRequestBuilder.Build(Account, TestAttempts.Standard(buyer: new Buyer("a|b@example.com", "Jane|", "Doe | Smith")));

        var data = MercanetData.Split(form.Value("Data"));
        Assert.DoesNotContain("customerContact.email", data.Keys);
        Assert.Equal("Jane", data["customerContact.firstname"]);
        Assert.Equal("Doe Smith", data["customerContact.lastname"]);
        Assert.Equal("B-1001", data["returnContext"]);
    }

    [Fact]
    public void Value_containing_a_pipe_is_still_rejected_by_the_data_itself() =>
        Assert.Throws<ArgumentException>(() => MercanetData.Join([new("orderId", "B|1")]));

    [Theory]
    [InlineData("has-dash")]
    [InlineData("")]
    [InlineData("123456789012345678901234567890123456")]
    public void Non_alphanumeric_or_too_long_transaction_reference_is_rejected(string reference) =>
        Assert.Throws<ArgumentException>(() => MercanetRequestBuilder.Build(Account, TestAttempts.Standard(reference)));

    [Fact]
    public void Unknown_currency_is_rejected() =>
        Assert.Throws<ArgumentException>(() => MercanetRequestBuilder.Build(Account, TestAttempts.Standard(currency: "XYZ")));
}
