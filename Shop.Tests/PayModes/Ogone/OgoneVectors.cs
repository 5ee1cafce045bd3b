namespace Shop.Tests.PayModes.Ogone;

/// <summary>Published vectors of docs/providers/ogone.md.</summary>
public static class OgoneVectors
{
    public const string Passphrase = "Mysecretsig1875!?";
    public const string ShaInSha1 = "F4CC376CD7A834D997B91598FA747825A238BE0A";
    public const string ShaOutSha1 = "209113288F93A9AB8E474EA78D899AFDBB874355";

    public static List<KeyValuePair<string, string>> ShaInParameters() =>
    [
        new("AMOUNT", "1500"), new("CURRENCY", "EUR"), new("LANGUAGE", "en_US"), new("ORDERID", "1234"), new("PSPID", "MyPSPID"),
    ];

    // Names in the mixed case Ogone actually sends.
    public static List<KeyValuePair<string, string>> ShaOutParameters() =>
    [
        new("ACCEPTANCE", "1234"), new("amount", "15"), new("BRAND", "VISA"), new("CARDNO", "XXXXXXXXXXXX1111"),
        new("currency", "EUR"), new("NCERROR", "0"), new("orderID", "12"), new("PAYID", "32100123"),
        new("PM", "CreditCard"), new("STATUS", "9"),
    ];
}
