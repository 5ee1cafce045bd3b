using Shop.PayModes.Core;

namespace Shop.PayModes.Ogone;

/// <summary>The fields of verified Ogone feedback (redirect or post-sale).</summary>
public sealed record OgoneNotification(
    string OrderId,
    string? PayId,
    string Status,
    long AmountMinorUnits,
    string Currency,
    string? NcError,
    string? ComPlus)
{
    /// <summary>ORDERID + PAYID + STATUS: redirect and post-sale of one status are duplicates, a status change is not.</summary>
    public string IdempotencyKey => $"{OrderId}:{PayId}:{Status}";

    public PaymentOutcome Outcome => OgoneStatus.ToOutcome(Status);
}
