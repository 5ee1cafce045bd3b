using Shop.PayModes.Core;

namespace Shop.PayModes.Ogone;

/// <summary>Ogone's post-sale feedback (POST body or GET query): SHA-OUT is checked first, over the raw parameters,
/// with the passphrase of the mode's world (<see cref="EffectiveSettings"/>).</summary>
public sealed class OgoneNotificationProtocol(EffectiveSettings effective) : INotificationProtocol
{
    public string PayMode => OgonePayMode.ModeCode;

    public async Task<NotificationCheck> VerifyAsync(RawNotification raw, CancellationToken ct)
    {
        // A POST carries the parameters in its body, a GET in its query string.
        var text = raw.Body.Length > 0 ? raw.BodyText : raw.QueryString.TrimStart('?');
        if (text is null)
            return NotificationCheck.Malformed("body is not UTF-8");
        var parameters = FormBody.Parse(text);
        if (parameters.Count == 0)
            return NotificationCheck.Malformed("no parameters");
        var (settings, _) = await effective.GetAsync<OgoneSettings>(PayMode, ct);
        if (string.IsNullOrEmpty(settings.ShaOutPassphrase))
            return NotificationCheck.Refused("ogone has no SHA-OUT passphrase");
        var result = Verify(parameters, settings);
        if (!result.SignatureValid)
            return NotificationCheck.Rejected(result);

        var n = result.Notification;
        // Ogone feedback carries no PSPID: the SHA-OUT passphrase is what proves it is ours.
        return NotificationCheck.Valid(new ProviderPayment(
            ProviderReference: n.OrderId,
            Outcome: n.Outcome,
            IdempotencyKey: n.IdempotencyKey,
            Amount: n.AmountMinorUnits,
            Currency: n.Currency.ToUpperInvariant(),
            ProviderTransactionId: n.PayId,
            Summary: $"ogone STATUS {n.Status} (NCERROR {n.NcError ?? "-"}) {n.AmountMinorUnits} {n.Currency} order {n.OrderId} payid {n.PayId ?? "-"}"));
    }

    internal static NotificationResult<OgoneNotification> Verify(IReadOnlyList<KeyValuePair<string, string>> parameters, OgoneSettings settings) =>
        OgoneResponse.Verify(parameters, settings.ShaOutPassphrase ?? "", OgoneHashAlgorithmNames.Parse(settings.HashAlgorithm));
}
