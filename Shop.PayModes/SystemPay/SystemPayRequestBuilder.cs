using System.Globalization;
using Shop.PayModes.Core;

namespace Shop.PayModes.SystemPay;

/// <summary>
/// Builds the Lyra payment form: the <c>vads_*</c> fields sorted by name, then <c>signature</c>,
/// signed with the key of the attempt's environment (<c>vads_ctx_mode</c>).
/// </summary>
public static class SystemPayRequestBuilder
{
    /// <param name="transId">6 characters from the per-UTC-day sequence, see <see cref="SystemPayTransId"/>.</param>
    public static IReadOnlyList<KeyValuePair<string, string>> Build(SystemPayAccount account, ProviderPaymentRequest attempt, string transId)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(attempt.AmountMinorUnits);
        if (!SystemPayTransId.IsValid(transId))
            throw new ArgumentException("vads_trans_id must be 6 letters or digits.", nameof(transId));
        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["vads_action_mode"] = "INTERACTIVE",
            ["vads_amount"] = attempt.AmountMinorUnits.ToString(CultureInfo.InvariantCulture),
            ["vads_ctx_mode"] = SystemPayCtxMode.Format(attempt.Environment),
            ["vads_currency"] = CurrencyInfo.FromAlpha(attempt.Currency).Numeric,
            ["vads_order_id"] = attempt.OrderId,
            ["vads_page_action"] = "PAYMENT",
            ["vads_payment_config"] = "SINGLE",
            ["vads_return_mode"] = "GET",
            ["vads_site_id"] = account.SiteId,
            ["vads_trans_date"] = attempt.Now.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture),
            ["vads_trans_id"] = transId,
            ["vads_url_cancel"] = attempt.Urls.Cancel,
            ["vads_url_check"] = attempt.Urls.Notify,
            ["vads_url_return"] = attempt.Urls.Return,
            ["vads_version"] = "V2",
        };
        AddBuyer(fields, attempt.Buyer);
        var form = fields.ToList();
        form.Add(new(SystemPaySignature.SignatureField,
            SystemPaySignature.Compute(fields, account.KeyFor(attempt.Environment), account.Algorithm)));
        return form;
    }

    private static void AddBuyer(SortedDictionary<string, string> fields, Buyer buyer)
    {
        AddIfPresent(fields, "vads_cust_email", buyer.Email);
        AddIfPresent(fields, "vads_cust_first_name", buyer.FirstName);
        AddIfPresent(fields, "vads_cust_last_name", buyer.LastName);
        AddIfPresent(fields, "vads_cust_address", buyer.Address);
        AddIfPresent(fields, "vads_cust_zip", buyer.ZipCode);
        AddIfPresent(fields, "vads_cust_city", buyer.Town);
        AddIfPresent(fields, "vads_cust_country", buyer.CountryCode);
    }

    private static void AddIfPresent(SortedDictionary<string, string> fields, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
            fields[name] = value;
    }
}
