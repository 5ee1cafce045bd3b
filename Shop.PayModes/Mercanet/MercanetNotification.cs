using Shop.PayModes.Core;

namespace Shop.PayModes.Mercanet;

/// <summary>The fields of a verified Mercanet response. <see cref="Fields"/> holds every Data pair.</summary>
public sealed record MercanetNotification(
    string MerchantId,
    string TransactionReference,
    long AmountMinorUnits,
    string CurrencyCode,
    string ResponseCode,
    string? OrderId,
    IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>
    /// merchantId + transactionReference, plus the responseCode so that a pending (60) followed by
    /// an accepted (00) response for the same transaction is a new event, not a duplicate.
    /// </summary>
    public string IdempotencyKey => $"{MerchantId}:{TransactionReference}:{ResponseCode}";

    public PaymentOutcome Outcome => MercanetStatus.ToOutcome(ResponseCode);
}
