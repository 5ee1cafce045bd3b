using System.Text.RegularExpressions;
using Shop.PayModes.Core;

namespace Shop.PayModes.Mercanet;

/// <summary>
/// Builds the Paypage POST form (Data, InterfaceVersion, SealAlgorithm, Encode, Seal).
/// Mercanet has no cancel URL: a buyer cancel comes back to normalReturnUrl with responseCode 17.
/// Test and production differ only by the payment page URL and the credentials.
/// </summary>
public static partial class MercanetRequestBuilder
{
    public const string InterfaceVersion = "HP_2.31";

    public static IReadOnlyList<KeyValuePair<string, string>> Build(MercanetAccount account, ProviderPaymentRequest attempt)
    {
        var data = MercanetData.Join(DataPairs(account, attempt));
        var posted = account.EncodeBase64 ? MercanetData.EncodeBase64(data) : data;
        var form = new List<KeyValuePair<string, string>> { new("Data", posted), new("InterfaceVersion", InterfaceVersion) };
        if (account.Algorithm == MercanetSealAlgorithm.HmacSha256)
            form.Add(new("SealAlgorithm", MercanetSealAlgorithmNames.HmacSha256));
        if (account.EncodeBase64)
            form.Add(new("Encode", MercanetData.Base64Encoding));
        form.Add(new("Seal", MercanetSeal.Compute(posted, account.SecretKey, account.Algorithm)));
        return form;
    }

    /// <summary>The Data pairs in the order they are posted; empty optional values are left out.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> DataPairs(MercanetAccount account, ProviderPaymentRequest attempt)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(attempt.AmountMinorUnits);
        if (!TransactionReferencePattern().IsMatch(attempt.AttemptReference))
            throw new ArgumentException("Mercanet transactionReference must be 1 to 35 letters or digits.", nameof(attempt));
        var pairs = new List<KeyValuePair<string, string>>
        {
            new("amount", attempt.AmountMinorUnits.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("currencyCode", CurrencyInfo.FromAlpha(attempt.Currency).Numeric),
            new("merchantId", account.MerchantId),
            new("normalReturnUrl", attempt.Urls.Return),
            new("transactionReference", attempt.AttemptReference),
            new("keyVersion", account.KeyVersion),
            new("automaticResponseUrl", attempt.Urls.Notify),
            new("orderChannel", "INTERNET"),
            new("orderId", attempt.OrderId),
            // Sips gives it back untouched in every response: the bill the payment is for.
            new("returnContext", attempt.OrderId),
        };
        // What the buyer typed must never break the Data (no '|' inside a value): a name keeps its other characters,
        // an address that needs a '|' is left out rather than sent altered.
        AddIfPresent(pairs, "customerContact.email", attempt.Buyer.Email?.Contains(MercanetData.Separator) == true ? null : attempt.Buyer.Email);
        AddIfPresent(pairs, "customerContact.firstname", WithoutSeparator(attempt.Buyer.FirstName));
        AddIfPresent(pairs, "customerContact.lastname", WithoutSeparator(attempt.Buyer.LastName));
        return pairs;
    }

    private static void AddIfPresent(List<KeyValuePair<string, string>> pairs, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
            pairs.Add(new(name, value.Trim()));
    }

    private static string? WithoutSeparator(string? value) =>
        value is null ? null : string.Join(' ', value.Split(MercanetData.Separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    [GeneratedRegex("^[A-Za-z0-9]{1,35}$")]
    private static partial Regex TransactionReferencePattern();
}
