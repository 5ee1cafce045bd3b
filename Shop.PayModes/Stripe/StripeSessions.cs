using Shop.PayModes.Core;
using Stripe.Checkout;

namespace Shop.PayModes.Stripe;

/// <summary>What the shop keeps about an attempt in <c>PaymentAttempt.Data</c>: the Checkout Session it opened.</summary>
public sealed record StripeAttemptData(string SessionId);

/// <summary>The Checkout Session of one attempt, as Stripe.net sends it (docs/providers/stripe.md). Pure: no I/O.</summary>
public static class StripeSessions
{
    /// <summary>The metadata key naming the bill (on the session and on its PaymentIntent, so charges carry it too).</summary>
    public const string BillKey = "bill_reference";

    /// <summary>The metadata key naming the attempt on the PaymentIntent: a <c>charge.refunded</c> event has no session.</summary>
    public const string AttemptKey = "attempt_reference";

    /// <summary>
    /// <c>mode=payment</c>, the bill in minor units and its currency (lower case, as Stripe writes it), the attempt as
    /// <c>client_reference_id</c>, the bill reference in <c>metadata</c>. The bill's own lines when they add up to its
    /// total, else one line for the whole order, so Stripe always charges exactly the bill.
    /// </summary>
    public static SessionCreateOptions Create(BillView bill, string attemptReference, string successUrl, string cancelUrl, string shopName)
    {
        var currency = bill.Currency.ToLowerInvariant();
        var metadata = new Dictionary<string, string> { [BillKey] = bill.Reference, [AttemptKey] = attemptReference };
        return new SessionCreateOptions
        {
            Mode = "payment",
            ClientReferenceId = attemptReference,
            CustomerEmail = bill.CustomerEmail is { Length: > 0 } email ? email : null,
            Metadata = metadata,
            PaymentIntentData = new SessionPaymentIntentDataOptions
            {
                Metadata = new Dictionary<string, string>(metadata),
                Description = $"{shopName} order {bill.Reference}",
            },
            LineItems = LineItems(bill, currency),
            SuccessUrl = successUrl,
            CancelUrl = cancelUrl,
        };
    }

    private static List<SessionLineItemOptions> LineItems(BillView bill, string currency)
    {
        var itemised = bill.Items.Count > 0
            && bill.Items.All(i => i.Quantity > 0 && i.UnitPrice > 0 && i.UnitPrice * i.Quantity == i.LineTotal)
            && bill.Items.Sum(i => i.LineTotal) == bill.Total;
        return itemised
            ? [.. bill.Items.Select(i => Line(i.Name, i.UnitPrice, i.Quantity, currency))]
            : [Line($"Order {bill.Reference}", bill.Total, 1, currency)];
    }

    private static SessionLineItemOptions Line(string name, long unitAmount, int quantity, string currency) => new()
    {
        Quantity = quantity,
        PriceData = new SessionLineItemPriceDataOptions
        {
            Currency = currency,
            UnitAmount = unitAmount,
            ProductData = new SessionLineItemPriceDataProductDataOptions { Name = name },
        },
    };

    /// <summary>
    /// The outcome a session event means for the bill, or null for an event the shop does not act on.
    /// <c>checkout.session.completed</c> pays only when <c>payment_status</c> is <c>paid</c>: a delayed method
    /// (a bank debit) completes the session unpaid, and its result comes as an <c>async_payment_*</c> event.
    /// </summary>
    public static PaymentOutcome? OutcomeOf(string eventType, string? paymentStatus) => eventType switch
    {
        "checkout.session.completed" => paymentStatus == "paid" ? PaymentOutcome.Paid : PaymentOutcome.Pending,
        "checkout.session.async_payment_succeeded" => PaymentOutcome.Paid,
        "checkout.session.async_payment_failed" => PaymentOutcome.Failed,
        "checkout.session.expired" => PaymentOutcome.Cancelled,
        _ => null,
    };

    public static string Serialize(StripeAttemptData data) => System.Text.Json.JsonSerializer.Serialize(data);

    public static StripeAttemptData? Deserialize(string? data)
    {
        if (string.IsNullOrEmpty(data))
            return null;
        try { return System.Text.Json.JsonSerializer.Deserialize<StripeAttemptData>(data); }
        catch (System.Text.Json.JsonException) { return null; }
    }
}
