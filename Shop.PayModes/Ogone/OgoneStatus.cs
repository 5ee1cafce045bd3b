using Shop.PayModes.Core;

namespace Shop.PayModes.Ogone;

/// <summary>Ogone STATUS → outcome.</summary>
public static class OgoneStatus
{
    private static readonly HashSet<string> PendingStatuses = ["4", "41", "46", "50", "51", "52", "55", "91", "92", "99"];

    /// <remarks>
    /// Only 9 (payment requested, i.e. captured) pays. 5 (authorised) is pending: the funds are held,
    /// and the bill is paid once captured, when Ogone sends 9 for the same PAYID (automatic data capture,
    /// or the merchant's capture in the back office). Delivering on 5 would ship goods for an
    /// authorisation that may lapse uncaptured. 1 is a buyer cancel; 2 (authorisation refused) and
    /// 93 (payment refused) are refusals; 0 (invalid or incomplete) and 84 are failures, as is any
    /// unknown status.
    /// </remarks>
    public static PaymentOutcome ToOutcome(string status) => status switch
    {
        "9" => PaymentOutcome.Paid,
        "5" => PaymentOutcome.Pending,
        _ when PendingStatuses.Contains(status) => PaymentOutcome.Pending,
        "1" => PaymentOutcome.Cancelled,
        "2" or "93" => PaymentOutcome.Refused,
        _ => PaymentOutcome.Failed,
    };
}
