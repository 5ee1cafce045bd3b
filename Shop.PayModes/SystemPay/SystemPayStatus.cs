using Shop.PayModes.Core;

namespace Shop.PayModes.SystemPay;

/// <summary><c>vads_trans_status</c> (and <c>vads_result</c> when the status says nothing) → outcome.</summary>
public static class SystemPayStatus
{
    private static readonly HashSet<string> PaidStatuses = ["AUTHORISED", "CAPTURED", "ACCEPTED"];

    private static readonly HashSet<string> PendingStatuses =
    [
        "INITIAL", "WAITING_AUTHORISATION", "UNDER_VERIFICATION", "PRE_AUTHORISED", "WAITING_FOR_PAYMENT",
        "SUSPENDED", "PENDING", "AUTHORISED_TO_VALIDATE", "WAITING_AUTHORISATION_TO_VALIDATE",
    ];

    /// <remarks>
    /// Final statuses: REFUSED → Refused; ABANDONED, CANCELLED and EXPIRED → Cancelled (the bill's
    /// CANCELLED state covers expiry); NOT_CREATED and CAPTURE_FAILED → Failed. An unknown status
    /// never pays: vads_result 05 → Refused, 17 → Cancelled, anything else → Failed.
    /// </remarks>
    public static PaymentOutcome ToOutcome(string transStatus, string? result)
    {
        if (PaidStatuses.Contains(transStatus))
            return PaymentOutcome.Paid;
        if (PendingStatuses.Contains(transStatus))
            return PaymentOutcome.Pending;
        return transStatus switch
        {
            "REFUSED" => PaymentOutcome.Refused,
            "ABANDONED" or "CANCELLED" or "EXPIRED" => PaymentOutcome.Cancelled,
            "NOT_CREATED" or "CAPTURE_FAILED" => PaymentOutcome.Failed,
            _ => result switch
            {
                "05" => PaymentOutcome.Refused,
                "17" => PaymentOutcome.Cancelled,
                _ => PaymentOutcome.Failed,
            },
        };
    }
}
