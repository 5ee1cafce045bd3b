using Shop.PayModes.Core;

namespace Shop.PayModes.PayPal;

/// <summary>The Payments Standard <c>_xclick</c> form, pure.</summary>
public static class PayPalStandardForm
{
    public static IReadOnlyList<KeyValuePair<string, string>> Fields(
        string business, BillView bill, string attemptReference, string notifyUrl, string returnUrl, string cancelUrl, string shopName) =>
    [
        new("cmd", "_xclick"),
        new("business", business),
        new("item_name", $"{shopName} order {bill.Reference}"),
        new("amount", Money.ToDecimalString(bill.Total, bill.Currency)),
        new("currency_code", bill.Currency.ToUpperInvariant()),
        new("invoice", attemptReference),
        new("custom", bill.Reference),
        new("notify_url", notifyUrl),
        new("return", returnUrl),
        new("cancel_return", cancelUrl),
        new("no_shipping", "1"),
        new("charset", "utf-8"),
    ];
}
