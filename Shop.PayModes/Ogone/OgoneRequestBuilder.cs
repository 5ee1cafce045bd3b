using System.Text.RegularExpressions;
using Shop.PayModes.Core;

namespace Shop.PayModes.Ogone;

/// <summary>
/// Builds the hosted-page form (UTF-8 page) signed with SHA-IN. The attempt reference is the
/// ORDERID (one per attempt: Ogone refuses a second payment for the same ORDERID); the bill
/// reference travels in COMPLUS, which comes back signed. The post-sale (notification) URL is
/// configured in the Ogone back office, so <see cref="ReturnUrls.Notify"/> is not sent.
/// </summary>
public static partial class OgoneRequestBuilder
{
    public static IReadOnlyList<KeyValuePair<string, string>> Build(OgoneAccount account, ProviderPaymentRequest attempt)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(attempt.AmountMinorUnits);
        if (!OrderIdPattern().IsMatch(attempt.AttemptReference))
            throw new ArgumentException("Ogone ORDERID must be 1 to 30 of [A-Za-z0-9_-].", nameof(attempt));
        var currency = CurrencyInfo.FromAlpha(attempt.Currency);
        var buyer = attempt.Buyer;
        var candidates = new (string Name, string? Value)[]
        {
            ("PSPID", account.PspId),
            ("ORDERID", attempt.AttemptReference),
            ("AMOUNT", OgoneAmount.ToRequestAmount(attempt.AmountMinorUnits, currency.MinorDigits)),
            ("CURRENCY", currency.Alpha),
            ("LANGUAGE", account.Language),
            ("CN", $"{buyer.FirstName} {buyer.LastName}".Trim()),
            ("EMAIL", buyer.Email),
            ("OWNERADDRESS", buyer.Address),
            ("OWNERZIP", buyer.ZipCode),
            ("OWNERTOWN", buyer.Town),
            ("OWNERCTY", buyer.CountryCode),
            ("COMPLUS", attempt.OrderId),
            ("ACCEPTURL", attempt.Urls.Return),
            ("DECLINEURL", attempt.Urls.Return),
            ("EXCEPTIONURL", attempt.Urls.Return),
            ("CANCELURL", attempt.Urls.Cancel),
        };
        var form = candidates
            .Where(c => !string.IsNullOrEmpty(c.Value))
            .Select(c => new KeyValuePair<string, string>(c.Name, c.Value!))
            .ToList();
        form.Add(new(OgoneSignature.SignatureParameter,
            OgoneSignature.Compute(form, account.ShaInPassphrase, OgoneDirection.In, account.Algorithm)));
        return form;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,30}$")]
    private static partial Regex OrderIdPattern();
}
