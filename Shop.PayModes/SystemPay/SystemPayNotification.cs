using Shop.PayModes.Core;

namespace Shop.PayModes.SystemPay;

/// <summary>The fields of a verified Lyra notification (IPN) or return.</summary>
public sealed record SystemPayNotification(
    string SiteId,
    string TransId,
    DateTimeOffset TransDate,
    long AmountMinorUnits,
    string CurrencyNumeric,
    string TransStatus,
    string? Result,
    string? OrderId,
    string? TransUuid,
    PaymentEnvironment Environment)
{
    /// <summary>
    /// site id + UTC day + upper(trans id) identify the transaction; the status is appended so a
    /// later status for the same transaction (e.g. WAITING_AUTHORISATION then AUTHORISED) is a new
    /// event while a retry (vads_url_check_src=RETRY) of the same status is a duplicate.
    /// </summary>
    public string IdempotencyKey =>
        $"{SiteId}:{TransDate.UtcDateTime:yyyyMMdd}:{TransId.ToUpperInvariant()}:{TransStatus}";

    public PaymentOutcome Outcome => SystemPayStatus.ToOutcome(TransStatus, Result);
}
