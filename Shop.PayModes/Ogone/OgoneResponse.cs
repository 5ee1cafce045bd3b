using Shop.PayModes.Core;

namespace Shop.PayModes.Ogone;

/// <summary>Verifies Ogone feedback with SHA-OUT (names in any case) before reading any parameter.</summary>
public static class OgoneResponse
{
    public static NotificationResult<OgoneNotification> Verify(
        IReadOnlyList<KeyValuePair<string, string>> parameters, string shaOutPassphrase, OgoneHashAlgorithm algorithm)
    {
        if (FormFields.HasDuplicateNames(parameters, StringComparer.OrdinalIgnoreCase))
            return Malformed("a parameter appears more than once");
        if (!FormFields.TrySingle(parameters, OgoneSignature.SignatureParameter, StringComparison.OrdinalIgnoreCase, out var received)
            || received.Length == 0)
            return Malformed("SHASIGN missing or empty");
        var computed = OgoneSignature.Compute(parameters, shaOutPassphrase, OgoneDirection.Out, algorithm);
        if (!SignatureCompare.HexEquals(computed, received))
            return NotificationResult<OgoneNotification>.BadSignature();
        try
        {
            return NotificationResult<OgoneNotification>.Valid(Parse(parameters));
        }
        catch (FormatException e)
        {
            return Malformed(e.Message);
        }
    }

    private static OgoneNotification Parse(IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        var values = parameters.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
        string Required(string name) =>
            values.TryGetValue(name, out var value) && value.Length > 0 ? value : throw new FormatException($"{name} missing.");
        string? Optional(string name) => values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

        var currency = Required("CURRENCY");
        var minorDigits = CurrencyInfo.TryFromAlpha(currency, out var known) ? known.MinorDigits : 2;
        if (!OgoneAmount.TryParseMinorUnits(Required("AMOUNT"), minorDigits, out var amount))
            throw new FormatException($"AMOUNT is not a decimal with at most {minorDigits} decimals.");
        return new(Required("ORDERID"), Optional("PAYID"), Required("STATUS"), amount, currency,
            Optional("NCERROR"), Optional("COMPLUS"));
    }

    private static NotificationResult<OgoneNotification> Malformed(string problem) =>
        NotificationResult<OgoneNotification>.Malformed(problem);
}
