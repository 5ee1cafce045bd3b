namespace Shop.Web.Mail;

/// <summary>Every message the shop sends. Buyer messages go to the bill's e-mail only; admin ones to <c>Shop:Mail:AdminAddress</c>.</summary>
public enum MailKind
{
    /// <summary>To the buyer: items, total, the pay mode's instructions, the status link (and for cheques the printable slip).</summary>
    OrderPlaced,
    /// <summary>To the buyer: the receipt.</summary>
    PaymentReceived,
    /// <summary>To the buyer: failed, refused or cancelled, with the retry link.</summary>
    PaymentFailed,
    /// <summary>To the buyer: the order expired unpaid.</summary>
    OrderExpired,
    /// <summary>To the admin: a notification failed to verify (no bill may be known).</summary>
    AdminNotificationRejected,
    /// <summary>To the admin: a notification did not match its bill (amount, currency, merchant).</summary>
    AdminNotificationMismatch,
    /// <summary>To the admin: a payment arrived after the bill was cancelled or expired.</summary>
    AdminPaymentAfterCancellation,
    /// <summary>To the admin: a second payment for an already paid bill.</summary>
    AdminSecondPayment,
    /// <summary>To the admin: a paid bill's delivery failed.</summary>
    AdminDeliveryFailed,
}

/// <summary>A composed message: the subject, the HTML body and its plain-text alternative. The subject names the bill's order
/// number whenever the message is about a bill.</summary>
public sealed record RenderedMail(string Subject, string Html, string Text);

/// <summary>
/// Composes a message from the shop's current data at the time it is sent (the bill, its pay mode's instructions, the
/// seller identity, the bill's language once bills keep one). <paramref name="billReference"/> is null only for an admin
/// message about something that names no bill; <paramref name="detail"/> is what the admin needs to know (never a
/// secret, never card data).
/// </summary>
public interface IMailComposer
{
    Task<RenderedMail> ComposeAsync(MailKind kind, string? billReference, string? detail, CancellationToken ct = default);
}
