using Shop.PayModes.Core;

namespace Shop.PayModes.Ogone;

/// <summary>Ogone STATUS → outcome.</summary>
public static class OgoneStatus
{
    private static readonly HashSet<string> PendingStatuses = ["4", "41", "46", "50", "51", "52", "55", "91", "92", "99"];

    /// <remarks>
    /// 9 (payment requested) pays. 5 (authorised) pays too: the funds are held and the capture
    /// follows (automatic data capture, or the merchant's); a later 9 is a new event, not a duplicate,
    /// and changes nothing. 1 is a buyer cancel; 2 (authorisation refused) and 93 (payment refused)
    /// are refusals; 0 (invalid or incomplete) and 84 are failures, as is any unknown status.
    /// </remarks>
    public static PaymentOutcome ToOutcome(string status) => status switch
    {
        "9" or "5" => PaymentOutcome.Paid,
        _ when PendingStatuses.Contains(status) => PaymentOutcome.Pending,
        "1" => PaymentOutcome.Cancelled,
        "2" or "93" => PaymentOutcome.Refused,
        _ => PaymentOutcome.Failed,
    };
}
