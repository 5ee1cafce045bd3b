using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Shop.PayModes.Core;
using Shop.PayModes.Core.Sandbox;

namespace Shop.PayModes.Stripe.Sandbox;

/// <summary>
/// The hosted Checkout page (the session's <c>url</c>) and the session page a rehearsal uses afterwards. Plain
/// server-rendered HTML without a script, so the shop's Content-Security-Policy holds: its forms post to the sandbox
/// itself, and the sandbox redirects the buyer only to the shop's own Stripe endpoints.
/// </summary>
public sealed partial class StripeSandbox
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    private static string E(string? text) => Html.Encode(text ?? "");

    /// <summary><c>GET /sandbox/stripe/pay/{id}</c>: the payment page while the session is open, its outcome afterwards.</summary>
    internal Results<ContentHttpResult, NotFound> PayPage(string id, string shopName) =>
        Find(id) is not { } session ? TypedResults.NotFound()
        : session.Status == "open" ? CheckoutPage(session, shopName)
        : SessionPage(session, null);

    /// <summary>
    /// <c>POST /sandbox/stripe/pay/{id}</c>, the buyer's choice: <c>pay</c> (card accepted), <c>decline</c> (card
    /// declined: the page says so and the session stays open, as Stripe's does), <c>cancel</c> (back to the shop's
    /// cancel URL; the session stays open), <c>delayed_success</c> / <c>delayed_failure</c> (a bank debit: complete but
    /// unpaid now, settled on demand), <c>expire</c> (the session expires now).
    /// </summary>
    internal async Task<Results<ContentHttpResult, RedirectHttpResult, NotFound>> DecideAsync(string id, HttpContext http, string shopName)
    {
        if (Find(id) is not { } session)
            return TypedResults.NotFound();
        var choice = http.Request.HasFormContentType ? (await http.Request.ReadFormAsync(http.RequestAborted))["choice"].ToString() : "";
        if (choice is not ("pay" or "decline" or "cancel" or "delayed_success" or "delayed_failure" or "expire"))
            return Problem(StatusCodes.Status400BadRequest, "Choose pay, decline, cancel, a delayed payment, or expire.");
        // Checked again before anything is sent: the URLs were the shop's when the session was made, and still must be.
        if (SandboxShop.FirstForeign(http, Code, Back(session.SuccessUrl, session), session.CancelUrl, NotifyUrl) is { } foreign)
            return Problem(StatusCodes.Status400BadRequest, SandboxShop.ForeignTargetMessage(foreign));

        if (choice == "cancel")
            return session.CancelUrl is { } cancel ? TypedResults.Redirect(cancel) : SessionPage(session, "You left the payment page. The session stays open until it expires.");

        SandboxEvent happened;
        lock (session.Gate)
        {
            if (session.Status != "open")
                return Problem(StatusCodes.Status409Conflict, $"This Checkout Session is already {session.Status}.");
            session.Declined = null;
            switch (choice)
            {
                case "decline":
                    session.Declined = "Your card was declined. Try another card, or go back to the shop.";
                    return CheckoutPage(session, shopName, StatusCodes.Status402PaymentRequired);
                case "expire":
                    session.Status = "expired";
                    happened = Event(session, "checkout.session.expired", session.ToJson(HostedPage(session)));
                    break;
                default:
                    var delayed = choice.StartsWith("delayed", StringComparison.Ordinal);
                    session.Status = "complete";
                    session.CompletedAt = Now;
                    session.PaymentMethod = delayed ? "sepa_debit" : "card";
                    session.PaymentStatus = delayed ? "unpaid" : "paid";
                    session.Pending = !delayed ? null : choice == "delayed_success" ? DelayedOutcome.Succeeds : DelayedOutcome.Fails;
                    happened = Event(session, "checkout.session.completed", session.ToJson(HostedPage(session)));
                    break;
            }
        }
        Log(choice, session);
        var status = await DeliverNowAsync(session, happened, http.RequestAborted);
        if (choice == "expire")
            return session.CancelUrl is { } cancelled ? TypedResults.Redirect(cancelled) : SessionPage(session, $"The session expired; the shop answered {status}.");
        if (session.Pending is not null)
            return SessionPage(session, $"The bank debit was submitted: the shop was told the payment is processing (it answered {status}).");
        return Back(session.SuccessUrl, session) is { } success ? TypedResults.Redirect(success) : SessionPage(session, "Payment accepted.");
    }

    /// <summary>The success URL as Stripe sends the buyer to it: <c>{CHECKOUT_SESSION_ID}</c> replaced by the session's id.</summary>
    private static string? Back(string? url, SandboxSession session) => url?.Replace("{CHECKOUT_SESSION_ID}", session.Id, StringComparison.Ordinal);

    private ContentHttpResult CheckoutPage(SandboxSession session, string shopName, int status = StatusCodes.Status200OK)
    {
        var lines = new StringBuilder();
        foreach (var line in session.LineItems)
            lines.Append($"""
                <li><span>{E(line.Name)}{(line.Quantity > 1 ? $" × {line.Quantity}" : "")}{(line.Description is { Length: > 0 } d ? $"<small>{E(d)}</small>" : "")}</span>
                <span>{E(Amount(line.Total, session.Currency))}</span></li>
                """);
        return Page(shopName, $"""
            <section class="summary">
              <p class="merchant" id="sandbox-merchant">{E(shopName)}</p>
              <p class="total" id="sandbox-amount">{E(Amount(session.AmountTotal, session.Currency))}</p>
              <ul class="lines">{lines}</ul>
            </section>
            <section class="pay">
              {(session.Declined is { } declined ? $"""<p class="error" id="sandbox-declined" role="alert">{E(declined)}</p>""" : "")}
              <p class="hint">Test card <code>4242 4242 4242 4242</code>: nothing is charged. Choose what this payment does.</p>
              <form method="post" action="{E(Prefix)}/pay/{E(session.Id)}" class="choices">
                <button id="sandbox-pay" name="choice" value="pay" class="primary">Pay {E(Amount(session.AmountTotal, session.Currency))}</button>
                <button id="sandbox-decline" name="choice" value="decline" class="secondary">Pay with a card that is declined</button>
                <button id="sandbox-delayed-success" name="choice" value="delayed_success" class="secondary">Pay by bank debit (settles later: succeeds)</button>
                <button id="sandbox-delayed-failure" name="choice" value="delayed_failure" class="secondary">Pay by bank debit (settles later: fails)</button>
                <button id="sandbox-expire" name="choice" value="expire" class="secondary">Let the session expire</button>
                <button id="sandbox-cancel" name="choice" value="cancel" class="link">← Back to {E(shopName)}</button>
              </form>
              <p class="hint small">Session <code id="sandbox-session">{E(session.Id)}</code></p>
            </section>
            """, status);
    }

    /// <summary>
    /// <c>GET /sandbox/stripe/sessions/{id}</c>: the session's status and every event sent with the shop's answers, and
    /// the controls of a rehearsal: settle a delayed payment, resend the events, return to the shop.
    /// </summary>
    internal ContentHttpResult SessionPage(SandboxSession session, string? message)
    {
        var events = new StringBuilder();
        foreach (var sent in session.Events)
            events.Append($"""<li><code>{E(sent.Type)}</code> <small>{E(sent.Id)}</small> — the shop answered {E(string.Join(", ", sent.Statuses.Select(s => s == 0 ? "nothing" : s.ToString(System.Globalization.CultureInfo.InvariantCulture))))}</li>""");
        var back = session.Status == "complete" ? Back(session.SuccessUrl, session) : session.CancelUrl;
        return Page("Stripe sandbox", $"""
            <section class="summary">
              <p class="merchant">Checkout Session</p>
              <p class="total" id="sandbox-amount">{E(Amount(session.AmountTotal, session.Currency))}</p>
              <p><code id="sandbox-session">{E(session.Id)}</code></p>
              <p>Status <b id="sandbox-status">{E(session.Status)}</b>, payment <b id="sandbox-payment-status">{E(session.PaymentStatus)}</b>{(session.Pending is null ? "" : " (bank debit processing)")}{(session.Failed ? " (bank debit failed)" : "")}</p>
            </section>
            <section class="pay">
              {(message is null ? "" : $"""<p class="ok" id="sandbox-message">{E(message)}</p>""")}
              <h2>Events sent to the shop</h2>
              <ul class="events" id="sandbox-events">{(events.Length == 0 ? "<li>None yet.</li>" : events.ToString())}</ul>
              <div class="choices">
                {(session.Pending is null ? "" : $"""<form method="post" action="{E(Prefix)}/sessions/{E(session.Id)}/settle"><input type="hidden" name="page" value="1" /><button id="sandbox-settle" class="primary">Settle the bank debit now</button></form>""")}
                {(session.Events.Count == 0 ? "" : $"""<form method="post" action="{E(Prefix)}/sessions/{E(session.Id)}/resend"><input type="hidden" name="page" value="1" /><button id="sandbox-resend" class="secondary">Resend the events</button></form>""")}
                {(back is null ? "" : $"""<a id="sandbox-return" class="button secondary" href="{E(back)}">Return to the shop</a>""")}
              </div>
            </section>
            """);
    }

    internal static ContentHttpResult Problem(int status, string message) =>
        Page("Stripe sandbox", $"""<section class="pay"><p class="error" id="sandbox-error">{E(message)}</p></section>""", status);

    private static string Amount(long minor, string currency) => Money.Format(minor, currency.ToUpperInvariant());

    private static ContentHttpResult Page(string title, string body, int status = StatusCodes.Status200OK) => TypedResults.Content($$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{{E(title)}} · Stripe sandbox</title>
        <style>
          body { font-family: system-ui, -apple-system, sans-serif; margin: 0; color: #1a1f36; background: #f6f9fc; }
          header { background: #635bff; color: #fff; padding: .7rem 1.5rem; display: flex; justify-content: space-between; align-items: center; gap: 1rem; }
          header .badge { background: #ffd848; color: #1a1f36; border-radius: 4px; padding: .15rem .5rem; font-size: .75rem; font-weight: 700; letter-spacing: .05em; }
          main { display: flex; flex-wrap: wrap; max-width: 58rem; margin: 2rem auto; gap: 2rem; padding: 0 1rem; }
          section { flex: 1 1 20rem; min-width: 0; }
          .summary .merchant { color: #697386; font-weight: 600; margin: 0; } .summary .total { font-size: 2.2rem; font-weight: 700; margin: .3rem 0 1rem; }
          .lines { list-style: none; padding: 0; margin: 0; } .lines li { display: flex; justify-content: space-between; gap: 1rem; padding: .5rem 0; border-bottom: 1px solid #e3e8ee; }
          .lines small { display: block; color: #697386; }
          .pay { background: #fff; border-radius: 8px; padding: 1.5rem; box-shadow: 0 2px 8px rgba(50,50,93,.1); }
          .choices { display: flex; flex-direction: column; gap: .6rem; } .choices form { display: contents; }
          button, .button { border: 0; border-radius: 6px; padding: .75rem 1rem; font-size: 1rem; cursor: pointer; text-align: center; text-decoration: none; }
          .primary { background: #635bff; color: #fff; font-weight: 600; } .secondary { background: #e3e8ee; color: #1a1f36; }
          .link { background: none; color: #635bff; }
          .hint { color: #697386; font-size: .95rem; } .small { font-size: .8rem; overflow-wrap: anywhere; }
          .error { color: #df1b41; font-weight: 600; } .ok { color: #0e6245; }
          code { overflow-wrap: anywhere; } .events { padding-left: 1.2rem; } h2 { font-size: 1.1rem; }
        </style></head>
        <body><header><span><b>stripe</b> · Checkout</span><span class="badge">SANDBOX · NO REAL MONEY</span></header>
        <main>
        {{body}}
        </main></body></html>
        """, "text/html; charset=utf-8", Encoding.UTF8, status);
}
