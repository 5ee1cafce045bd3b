namespace Shop.PayModes.Core;

public enum StatusTone
{
    Info,
    Success,
    Warning,
    Error,
}

/// <summary>
/// What the buyer's status page says about a bill, in people's words, never a state code: a short <see cref="Label"/>
/// for the badge, a <see cref="Title"/> and a sentence. A pay mode gives them through <see cref="IPayMode.DescribeStatus"/>,
/// one place per mode, so that they can be translated.
/// </summary>
public sealed record StatusWords(StatusTone Tone, string Label, string Title, string Text);

/// <summary>
/// The words every mode starts from, by <see cref="PayModeKind"/> and state (docs/lifecycle.md). A mode overrides
/// <see cref="PayMode{TSettings, TSelector, TSettingsForm}.DescribeStatus"/> for what only it can say (a deferred mode names
/// what the buyer sends) and falls back to these for the rest.
/// </summary>
public static class BuyerStatusWords
{
    public static StatusWords For(PayModeKind kind, string modeName, BillView bill) => bill.State switch
    {
        BillState.Placed when kind == PayModeKind.Deferred => AwaitingPayment("Your order is recorded. Follow the instructions below; we deliver as soon as the payment arrives."),
        BillState.Placed when bill.LatestAttempt is { ReturnedAt: not null } || (kind == PayModeKind.Simulator && bill.LatestAttempt?.Data is { Length: > 0 }) =>
            new(StatusTone.Info, "Confirming payment", $"Confirming your payment with {modeName}…",
                $"You paid at {modeName}; we are waiting for its confirmation, which usually comes within seconds. This page updates by itself."),
        BillState.Placed => AwaitingPayment("Your order is recorded. Once the payment is confirmed, this page updates by itself."),
        BillState.Pending when kind == PayModeKind.Deferred => AwaitingPayment("Your order is confirmed. Follow the instructions below; we deliver as soon as the payment arrives."),
        BillState.Pending => new(StatusTone.Info, "Being processed", $"{modeName} is processing your payment",
            $"{modeName} has not decided yet. This page updates by itself."),
        BillState.SoldOut or BillState.PreProd when bill.HasShippedGoods => Preparing(),
        BillState.SoldOut => new(StatusTone.Success, "Paid", "Payment received, delivering your order", "Thank you! Your order is being delivered now."),
        BillState.PreProd => Preparing(),
        BillState.Complete when bill.HasShippedGoods => new(StatusTone.Success, "Shipped", "Shipped",
            bill.ShippedAt is { } at ? $"Thank you! Your order left us on {at:d MMMM yyyy}." : "Thank you! Your order is on its way."),
        BillState.Complete => new(StatusTone.Success, "Delivered", "Delivered", "Thank you! Your order is complete."),
        BillState.Partial => new(StatusTone.Warning, "Partly paid", "Partly paid", "We received part of the amount. We will contact you about the rest."),
        BillState.Refused => new(StatusTone.Error, "Refused", "Payment refused", "The payment was refused. Your cart is kept: you can try again, with another payment method if you wish."),
        BillState.Failed => new(StatusTone.Error, "Failed", "Payment failed", "The payment could not be completed. Your cart is kept: you can try again."),
        BillState.Cancelled => new(StatusTone.Warning, "Cancelled", "Order cancelled", "This order was cancelled and nothing will be charged. Your cart is kept: you can try again."),
        BillState.Payback => new(StatusTone.Warning, "Refunded", "Refunded", "This order has been refunded."),
        BillState.Working => new(StatusTone.Info, "Being prepared", "Your order is being prepared", "This page updates by itself."),
        _ => new(StatusTone.Info, "In progress", "Your order is in progress", "This page updates by itself."),
    };

    private static StatusWords AwaitingPayment(string text) => new(StatusTone.Info, "Awaiting payment", "Waiting for your payment", text);

    private static StatusWords Preparing() =>
        new(StatusTone.Success, "Paid", "Payment received, preparing your order", "Thank you! We are preparing your order; this page says so when it is shipped.");
}
