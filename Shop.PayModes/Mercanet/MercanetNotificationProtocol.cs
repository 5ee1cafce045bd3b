using Shop.PayModes.Core;

namespace Shop.PayModes.Mercanet;

/// <summary>Mercanet's automatic response (<c>automaticResponseUrl</c>): the seal is checked over the raw Data first,
/// with the key of the mode's world (<see cref="EffectiveSettings"/>).</summary>
public sealed class MercanetNotificationProtocol(EffectiveSettings effective) : INotificationProtocol
{
    public string PayMode => MercanetPayMode.ModeCode;

    public async Task<NotificationCheck> VerifyAsync(RawNotification raw, CancellationToken ct)
    {
        var form = raw.FormFields();
        var (settings, _) = await effective.GetAsync<MercanetSettings>(PayMode, ct);
        if (string.IsNullOrEmpty(settings.SecretKey))
            return NotificationCheck.Refused("mercanet has no secret key");
        var result = Verify(form, settings);
        if (!result.SignatureValid)
            return NotificationCheck.Rejected(result);

        var n = result.Notification;
        var currency = CurrencyInfo.TryFromNumeric(n.CurrencyCode, out var known) ? known.Alpha : n.CurrencyCode;
        return NotificationCheck.Valid(new ProviderPayment(
            ProviderReference: n.TransactionReference,
            Outcome: n.Outcome,
            IdempotencyKey: n.IdempotencyKey,
            Amount: n.AmountMinorUnits,
            Currency: currency,
            MerchantId: n.MerchantId,
            ExpectedMerchantId: settings.MerchantId,
            ProviderTransactionId: n.Fields.GetValueOrDefault("authorisationId"),
            Summary: $"mercanet responseCode {n.ResponseCode} {n.AmountMinorUnits} {currency} transaction {n.TransactionReference}"));
    }

    internal static NotificationResult<MercanetNotification> Verify(IReadOnlyList<KeyValuePair<string, string>> form, MercanetSettings settings) =>
        MercanetResponse.Verify(form, settings.SecretKey ?? "", MercanetSealAlgorithmNames.Parse(settings.SealAlgorithm));
}
