using System.Globalization;
using Shop.PayModes.Core;

namespace Shop.PayModes.SystemPay;

/// <summary>
/// Verifies a Lyra notification over every received <c>vads_*</c> field before reading any of them.
/// Only <c>vads_ctx_mode</c> is looked at first, to choose the key; a forged mode just selects a key
/// the forger does not have either.
/// </summary>
public static class SystemPayResponse
{
    public static NotificationResult<SystemPayNotification> Verify(
        IReadOnlyList<KeyValuePair<string, string>> form, SystemPayAccount account)
    {
        if (!FormFields.TrySingle(form, SystemPaySignature.SignatureField, StringComparison.Ordinal, out var received)
            || received.Length == 0)
            return Malformed("signature missing, empty or repeated");
        if (FormFields.HasDuplicateNames(form, StringComparer.Ordinal))
            return Malformed("a field appears more than once");
        if (!FormFields.TrySingle(form, "vads_ctx_mode", StringComparison.Ordinal, out var ctxMode)
            || !SystemPayCtxMode.TryParse(ctxMode, out var environment))
            return Malformed("vads_ctx_mode missing or not TEST/PRODUCTION");
        // No key for the mode the message claims: nobody can have signed it for us (an empty key proves nothing).
        if (string.IsNullOrEmpty(account.KeyFor(environment)))
            return NotificationResult<SystemPayNotification>.BadSignature();
        var computed = SystemPaySignature.Compute(form, account.KeyFor(environment), account.Algorithm);
        if (!SystemPaySignature.Matches(computed, received, account.Algorithm))
            return NotificationResult<SystemPayNotification>.BadSignature();
        try
        {
            return NotificationResult<SystemPayNotification>.Valid(Parse(form, environment));
        }
        catch (FormatException e)
        {
            return Malformed(e.Message);
        }
    }

    private static SystemPayNotification Parse(IReadOnlyList<KeyValuePair<string, string>> form, PaymentEnvironment environment)
    {
        var fields = form.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        string Required(string name) =>
            fields.TryGetValue(name, out var value) && value.Length > 0 ? value : throw new FormatException($"{name} missing.");
        string? Optional(string name) => fields.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

        if (!DateTime.TryParseExact(Required("vads_trans_date"), "yyyyMMddHHmmss", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var transDate))
            throw new FormatException("vads_trans_date is not yyyyMMddHHmmss.");
        if (!long.TryParse(Required("vads_amount"), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
            throw new FormatException("vads_amount is not a whole number of minor units.");
        return new(
            Required("vads_site_id"),
            Required("vads_trans_id"),
            new DateTimeOffset(transDate, TimeSpan.Zero),
            amount,
            Required("vads_currency"),
            Required("vads_trans_status"),
            Optional("vads_result"),
            Optional("vads_order_id"),
            Optional("vads_trans_uuid"),
            environment);
    }

    private static NotificationResult<SystemPayNotification> Malformed(string problem) =>
        NotificationResult<SystemPayNotification>.Malformed(problem);
}
