using Shop.PayModes.Core;

namespace Shop.PayModes.Mercanet;

/// <summary>Sips 2.0 responseCode → outcome.</summary>
public static class MercanetStatus
{
    /// <remarks>
    /// 34 (fraud suspicion / seal error) is reported by Sips when the request seal is wrong, a
    /// technical fault on our side, so it maps to Failed for an admin to look at; unknown codes fail too.
    /// </remarks>
    public static PaymentOutcome ToOutcome(string responseCode) => responseCode switch
    {
        "00" => PaymentOutcome.Paid,
        "60" => PaymentOutcome.Pending,
        "17" => PaymentOutcome.Cancelled,
        "05" => PaymentOutcome.Refused,
        _ => PaymentOutcome.Failed,
    };
}
