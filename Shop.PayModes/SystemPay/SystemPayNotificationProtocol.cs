using Shop.PayModes.Core;

namespace Shop.PayModes.SystemPay;

/// <summary>Lyra's IPN: the signature is checked over every received <c>vads_*</c> field first, with the keys of the
/// mode's world (<see cref="EffectiveSettings"/>).</summary>
public sealed class SystemPayNotificationProtocol(EffectiveSettings effective) : INotificationProtocol
{
    public string PayMode => SystemPayPayMode.ModeCode;

    public async Task<NotificationCheck> VerifyAsync(RawNotification raw, CancellationToken ct)
    {
        var form = raw.FormFields();
        var (settings, _) = await effective.GetAsync<SystemPaySettings>(PayMode, ct);
        var key = settings.Account().KeyFor(settings.Environment);
        if (string.IsNullOrEmpty(key))
            return NotificationCheck.Refused("systempay has no key for its mode");
        var result = SystemPayResponse.Verify(form, settings.Account());
        if (!result.SignatureValid)
            return NotificationCheck.Rejected(result);

        var n = result.Notification;
        var currency = CurrencyInfo.TryFromNumeric(n.CurrencyNumeric, out var known) ? known.Alpha : n.CurrencyNumeric;
        // A TEST payment must never pay a shop running in PRODUCTION (and the reverse): it counts as another merchant.
        var merchant = n.Environment == settings.Environment ? n.SiteId : $"{n.SiteId} ({SystemPayCtxMode.Format(n.Environment)})";
        return NotificationCheck.Valid(new ProviderPayment(
            ProviderReference: ProviderReference(n),
            Outcome: n.Outcome,
            IdempotencyKey: n.IdempotencyKey,
            Amount: n.AmountMinorUnits,
            Currency: currency,
            MerchantId: merchant,
            ExpectedMerchantId: settings.SiteId,
            ProviderTransactionId: n.TransUuid,
            Summary: $"systempay {n.TransStatus} (result {n.Result ?? "-"}) {n.AmountMinorUnits} {currency} transaction {ProviderReference(n)}"));
    }

    /// <summary>UTC day and upper-case trans id: how the send endpoint names the attempt.</summary>
    public static string ProviderReference(SystemPayNotification n) =>
        ProviderReference(n.TransDate.UtcDateTime, n.TransId);

    public static string ProviderReference(DateTime utcDay, string transId) =>
        $"{utcDay:yyyyMMdd}:{transId.ToUpperInvariant()}";
}
