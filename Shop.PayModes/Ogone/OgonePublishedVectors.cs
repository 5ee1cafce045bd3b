namespace Shop.PayModes.Ogone;

/// <summary>The Ogone vectors published in docs/providers/ogone.md (the self-check and the lab's example use them).</summary>
public static class OgonePublishedVectors
{
    public const string Passphrase = "Mysecretsig1875!?";

    public static IReadOnlyList<KeyValuePair<string, string>> ShaInParameters { get; } =
        [new("AMOUNT", "1500"), new("CURRENCY", "EUR"), new("LANGUAGE", "en_US"), new("ORDERID", "1234"), new("PSPID", "MyPSPID")];

    public const string ShaInSha1 = "F4CC376CD7A834D997B91598FA747825A238BE0A";

    /// <summary>Feedback parameters in the mixed case Ogone sends them.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ShaOutParameters { get; } =
    [
        new("ACCEPTANCE", "1234"), new("amount", "15"), new("BRAND", "VISA"), new("CARDNO", "XXXXXXXXXXXX1111"),
        new("currency", "EUR"), new("NCERROR", "0"), new("orderID", "12"), new("PAYID", "32100123"),
        new("PM", "CreditCard"), new("STATUS", "9"),
    ];

    public const string ShaOutSha1 = "209113288F93A9AB8E474EA78D899AFDBB874355";

    /// <summary>The SHA-OUT vector as a feedback body.</summary>
    public static string ShaOutBody =>
        string.Join('&', ShaOutParameters.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"))
        + $"&{OgoneSignature.SignatureParameter}={ShaOutSha1}";
}
