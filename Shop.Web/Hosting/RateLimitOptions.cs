using System.ComponentModel.DataAnnotations;
using Shop.PayModes.Core;

namespace Shop.Web.Hosting;

/// <summary>The <c>Shop:RateLimits</c> section: requests per minute per client for each budget; 0 turns a limit off.</summary>
public sealed class RateLimitOptions
{
    private const string Message = "Shop:RateLimits:{0} is requests per minute per client: 0 (no limit) or more.";

    /// <summary>A buyer places one order in minutes; 30 a minute still lets a household or an office behind one address shop at once.</summary>
    [Range(0, int.MaxValue, ErrorMessage = Message)]
    public int Checkout { get; set; } = 30;

    /// <summary>
    /// Providers notify from a handful of addresses, so one address speaks for many buyers: 600 a minute (10 a second) carries
    /// a sale of 200 paid orders a minute through one provider address with two notifications each (authorised then captured,
    /// or a webhook per event), and leaves as many again for its retry bursts. Past it the provider gets a 429 and sends later.
    /// </summary>
    [Range(0, int.MaxValue, ErrorMessage = Message)]
    public int Notify { get; set; } = 600;

    /// <summary>A person retyping a password does a few a minute; a script trying passwords does hundreds.</summary>
    [Range(0, int.MaxValue, ErrorMessage = Message)]
    public int SignIn { get; set; } = 10;

    /// <summary>A rehearsal's pages and the shop's own calls to a provider sandbox's API (a handful per payment).</summary>
    [Range(0, int.MaxValue, ErrorMessage = Message)]
    public int Sandbox { get; set; } = 300;

    /// <summary>
    /// A buyer reaches the payment page once or a few times per order (a reload, the back button, a retry); each hand-over
    /// may open an attempt and draw a provider id (some have a fixed number a day), so a client cannot draw them at will.
    /// </summary>
    [Range(0, int.MaxValue, ErrorMessage = Message)]
    public int Handover { get; set; } = 60;

    public int PerMinute(ClientRateLimit limit) => limit switch
    {
        ClientRateLimit.Checkout => Checkout,
        ClientRateLimit.Notify => Notify,
        ClientRateLimit.SignIn => SignIn,
        ClientRateLimit.Sandbox => Sandbox,
        ClientRateLimit.Handover => Handover,
        _ => throw new ArgumentOutOfRangeException(nameof(limit), limit, null),
    };
}
