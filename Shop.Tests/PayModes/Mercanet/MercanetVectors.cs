namespace Shop.Tests.PayModes.Mercanet;

/// <summary>Published vectors of docs/providers/mercanet.md.</summary>
public static class MercanetVectors
{
    public const string HmacKey = "superSafeSecretKey";
    public const string HmacMessage = "This is a test!";
    public const string HmacDigest = "198e5f278e3f8548e174e84492953c4871732278b7e2aa2cbf20bb1ab85914ea";

    public const string LegacyKey = "002001000000001_KEY1";
    public const string LegacyData =
        "amount=1234|currencyCode=978|merchantId=002001000000001|normalReturnUrl=http://www.normalreturnurl.com|transactionReference=marlon1|keyVersion=1";
    public const string LegacySeal = "65421e720d149e8a79bdc9a29f6c462ed199b78f32e558c6c5fc15f0084e5384";
}
