using Shop.PayModes.Core;
using Stripe;
using Stripe.Checkout;

namespace Shop.PayModes.Stripe;

/// <summary>
/// Stripe webhooks at <c>/paymodes/stripe/notify</c> (docs/providers/stripe.md): the <c>Stripe-Signature</c> header is
/// verified over the raw body by Stripe.net's <see cref="EventUtility"/> (HMAC-SHA256 of <c>t.body</c> with the endpoint's
/// signing secret, at most <see cref="ToleranceSeconds"/> old) before any field is read. An event of another API version
/// than the library's is still judged on its fields.
/// </summary>
public sealed class StripeWebhookProtocol(StripeGateway context, TimeProvider clock) : INotificationProtocol
{
    public const string SignatureHeader = "Stripe-Signature";

    /// <summary>Stripe's own default: an older signed event is a replay, whatever its signature.</summary>
    public const long ToleranceSeconds = 300;

    public string PayMode => StripePayMode.ModeCode;

    public async Task<NotificationCheck> VerifyAsync(RawNotification raw, CancellationToken ct)
    {
        if (!raw.Headers.TryGetValue(SignatureHeader, out var header) || string.IsNullOrWhiteSpace(header))
            return NotificationCheck.BadSignature($"no {SignatureHeader} header");
        if (raw.BodyText is not { } json)
            return NotificationCheck.Malformed("body is not UTF-8");
        var setup = await context.GetAsync(ct);
        if (setup.Settings.WebhookSecret is not { Length: > 0 } secret)
            return NotificationCheck.Refused("no webhook signing secret configured");
        try
        {
            EventUtility.ValidateSignature(json, header, secret, ToleranceSeconds, clock.GetUtcNow().ToUnixTimeSeconds());
        }
        catch (StripeException ex)
        {
            return NotificationCheck.BadSignature(ex.Message);
        }

        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ParseEvent(json, throwOnApiVersionMismatch: false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return NotificationCheck.Malformed($"not a Stripe event: {ex.GetType().Name}");
        }
        var key = $"stripe:{stripeEvent.Id}:{stripeEvent.Type}";
        var what = $"event {stripeEvent.Id} {stripeEvent.Type} (API {stripeEvent.ApiVersion ?? "?"})";
        return stripeEvent.Data?.Object switch
        {
            Session session => FromSession(stripeEvent.Type, session, key, what),
            Charge charge when stripeEvent.Type == "charge.refunded" => FromRefund(charge, key, what),
            _ => new NotificationCheck(NotificationVerdict.Accepted, null, $"verified; {what} is not acted on"),
        };
    }

    private static NotificationCheck FromSession(string type, Session session, string key, string what)
    {
        if (StripeSessions.OutcomeOf(type, session.PaymentStatus) is not { } outcome)
            return new NotificationCheck(NotificationVerdict.Accepted, null, $"verified; {what} is not acted on");
        if (session.ClientReferenceId is not { Length: > 0 } attempt)
            throw new FormatException($"session {session.Id} has no client_reference_id");
        return NotificationCheck.Valid(new ProviderPayment(
            ProviderReference: attempt,
            Outcome: outcome,
            IdempotencyKey: key,
            Amount: session.AmountTotal,
            Currency: session.Currency?.ToUpperInvariant(),
            ProviderTransactionId: session.PaymentIntentId ?? session.Id,
            Summary: $"{what}: session {session.Id} {session.Status}/{session.PaymentStatus} {session.AmountTotal?.ToString() ?? "?"} {session.Currency}"));
    }

    /// <summary>A full refund moves the bill; a partial one is recorded only. The charge names its attempt through the
    /// PaymentIntent's metadata the session set; a charge without it was not made by this shop's checkout.</summary>
    private static NotificationCheck FromRefund(Charge charge, string key, string what)
    {
        if (charge.Metadata is null || !charge.Metadata.TryGetValue(StripeSessions.AttemptKey, out var attempt) || attempt is not { Length: > 0 })
            return new NotificationCheck(NotificationVerdict.Accepted, null, $"verified; {what} names no attempt of this shop: recorded only");
        return NotificationCheck.Valid(new ProviderPayment(
            ProviderReference: attempt,
            Outcome: charge.Refunded ? PaymentOutcome.Refunded : PaymentOutcome.Informational,
            IdempotencyKey: key,
            Amount: charge.AmountRefunded,
            Currency: charge.Currency?.ToUpperInvariant(),
            ProviderTransactionId: charge.PaymentIntentId ?? charge.Id,
            Summary: $"{what}: charge {charge.Id} refunded {charge.AmountRefunded} of {charge.Amount} {charge.Currency}"));
    }
}
