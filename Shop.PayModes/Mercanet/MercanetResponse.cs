using System.Globalization;
using Shop.PayModes.Core;

namespace Shop.PayModes.Mercanet;

/// <summary>Verifies a Mercanet response (browser return or automatic response) before reading any field.</summary>
public static class MercanetResponse
{
    public static NotificationResult<MercanetNotification> Verify(
        IReadOnlyList<KeyValuePair<string, string>> form, string secretKey, MercanetSealAlgorithm algorithm)
    {
        if (FormFields.HasDuplicateNames(form, StringComparer.Ordinal))
            return NotificationResult<MercanetNotification>.Malformed("a field appears more than once");
        if (!FormFields.TrySingle(form, "Data", StringComparison.Ordinal, out var posted) || posted.Length == 0)
            return NotificationResult<MercanetNotification>.Malformed("Data missing or empty");
        if (!FormFields.TrySingle(form, "Seal", StringComparison.Ordinal, out var seal) || seal.Length == 0)
            return NotificationResult<MercanetNotification>.Malformed("Seal missing or empty");
        if (!SignatureCompare.HexEquals(MercanetSeal.Compute(posted, secretKey, algorithm), seal))
            return NotificationResult<MercanetNotification>.BadSignature();
        FormFields.TrySingle(form, "Encode", StringComparison.Ordinal, out var encode);
        try
        {
            return Parse(posted, encode);
        }
        catch (FormatException e)
        {
            return NotificationResult<MercanetNotification>.Malformed(e.Message);
        }
    }

    private static NotificationResult<MercanetNotification> Parse(string posted, string encode)
    {
        var data = encode switch
        {
            "" => posted,
            MercanetData.Base64Encoding => MercanetData.DecodeBase64(posted),
            _ => throw new FormatException($"Unsupported Encode '{encode}'."),
        };
        var fields = MercanetData.Split(data);
        var amountText = Required(fields, "amount");
        if (!long.TryParse(amountText, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
            throw new FormatException($"amount '{amountText}' is not a whole number of minor units.");
        return NotificationResult<MercanetNotification>.Valid(new(
            Required(fields, "merchantId"),
            Required(fields, "transactionReference"),
            amount,
            Required(fields, "currencyCode"),
            Required(fields, "responseCode"),
            fields.GetValueOrDefault("orderId"),
            fields));
    }

    private static string Required(IReadOnlyDictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value) && value.Length > 0 ? value : throw new FormatException($"{name} missing.");
}
