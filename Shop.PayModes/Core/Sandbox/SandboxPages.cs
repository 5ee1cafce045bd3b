using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Shop.PayModes.Core.Sandbox;

/// <summary>The sandbox's hosted pages: plain server-rendered HTML, styled apart from the shop so nobody mistakes one for the other.</summary>
public static class SandboxPages
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static ContentHttpResult PaymentPage(IProviderSandbox sandbox, SandboxPayment payment)
    {
        var request = payment.Request;
        var decide = $"/sandbox/{payment.Code}/decide/{payment.Id}";
        return Page(sandbox.ProviderName, $"""
            <dl>
              <dt>Merchant</dt><dd id="sandbox-merchant">{E(request.Merchant)}</dd>
              <dt>Amount</dt><dd id="sandbox-amount" class="amount">{E(Money.Format(request.Amount, request.Currency))}</dd>
              <dt>Reference</dt><dd id="sandbox-reference"><code>{E(request.Reference)}</code></dd>
            </dl>
            <p class="hint">Choose what the {E(sandbox.ProviderName)} sandbox does with this payment.</p>
            <form method="post" action="{E(decide)}" class="choices">
              <button id="sandbox-pay" name="decision" value="pay" class="pay">Pay</button>
              <button id="sandbox-pay-late" name="decision" value="paylate" class="late">Pay with late notification</button>
              <button id="sandbox-pending" name="decision" value="pending" class="late">Pending, then paid</button>
              <button id="sandbox-refuse" name="decision" value="refuse" class="refuse">Refuse</button>
              <button id="sandbox-cancel" name="decision" value="cancel" class="cancel">Cancel</button>
            </form>
            """);
    }

    /// <summary>After "pay with late notification" or "pending": back to the merchant now, the (paid) notification when asked.</summary>
    public static ContentHttpResult HeldPage(IProviderSandbox sandbox, SandboxPayment payment, string? delivered = null) =>
        Page(sandbox.ProviderName, $"""
            <p class="ok">{(payment.Decision == SandboxDecision.PendingThenPay
                ? "The payment is <b>pending</b>: the shop was told so. The notification that it is paid is <b>held back</b>."
                : "Payment accepted. The notification to the shop is <b>held back</b>.")}</p>
            {(delivered is null ? "" : $"""<p id="sandbox-delivered" class="hint">{E(delivered)}</p>""")}
            {ReturnForm(sandbox, payment, autoSubmit: false)}
            <form method="post" action="/sandbox/{E(payment.Code)}/deliver/{E(payment.Id)}" class="choices">
              <input type="hidden" name="page" value="1" />
              <button id="sandbox-deliver" class="late">Deliver the notification now</button>
            </form>
            """);

    /// <summary>
    /// The signed browser return of a sandbox that posts it (<see cref="IProviderSandbox.ReturnsByGet"/> false): an
    /// auto-submitting form. One that returns by GET redirects to <see cref="ReturnLink"/> instead.
    /// </summary>
    public static ContentHttpResult ReturnPage(IProviderSandbox sandbox, SandboxPayment payment) =>
        Page(sandbox.ProviderName, $"""
            <p>Returning to the merchant…</p>
            {ReturnForm(sandbox, payment, autoSubmit: true)}
            """);

    private static string ReturnForm(IProviderSandbox sandbox, SandboxPayment payment, bool autoSubmit)
    {
        if (sandbox.ReturnsByGet(payment))
            return $"""<p class="choices"><a id="sandbox-return" class="button pay" href="{E(ReturnLink(payment))}">Return to the merchant</a></p>""";
        var form = $"""
            <form id="sandbox-return-form" method="post" action="{E(payment.ReturnUrl)}" class="choices">
              {Inputs(payment.ReturnFields)}
              {(autoSubmit ? "<noscript>" : "")}<button id="sandbox-return" class="pay">Return to the merchant</button>{(autoSubmit ? "</noscript>" : "")}
            </form>
            """;
        return autoSubmit ? form + $"<script>{PayModePages.AutoSubmitScript}</script>" : form;
    }

    /// <summary>The payment's return URL with its signed fields in the query.</summary>
    public static string ReturnLink(SandboxPayment payment)
    {
        var query = string.Join('&', payment.ReturnFields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
        return payment.ReturnUrl + (payment.ReturnUrl.Contains('?') ? '&' : '?') + query;
    }

    public static ContentHttpResult Error(IProviderSandbox sandbox, int status, string message) => Error(sandbox.ProviderName, status, message);

    public static ContentHttpResult Error(string provider, int status, string message) =>
        Page(provider, $"""<p class="error" id="sandbox-error">{E(message)}</p>""", status);

    /// <summary>The answer of every sandbox route for a pay mode outside the sandbox world: it signs nothing for it.</summary>
    public static ContentHttpResult NotInSandbox(string code, ProviderWorld world) => Error(code, StatusCodes.Status403Forbidden,
        $"The built-in sandbox does not serve '{code}': its payments go to {world.Description}. The sandbox serves a pay mode only "
        + "while the shop is in test mode, every provider URL of the mode is empty and none of its settings is a production one.");

    private static string Inputs(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var html = new StringBuilder();
        foreach (var (name, value) in fields)
            html.Append($"""<input type="hidden" name="{E(name)}" value="{E(value)}" />""");
        return html.ToString();
    }

    private static string E(string text) => Html.Encode(text);

    private static ContentHttpResult Page(string provider, string body, int status = StatusCodes.Status200OK) => TypedResults.Content($$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{{E(provider)}} sandbox</title>
        <style>
          body { font-family: system-ui, sans-serif; background: #eef1f4; color: #1d2733; margin: 0; }
          header { background: #1d2733; color: #fff; padding: .8rem 1.5rem; display: flex; justify-content: space-between; align-items: center; }
          header .badge { background: #f5a623; color: #1d2733; border-radius: 4px; padding: .15rem .5rem; font-size: .8rem; font-weight: 700; letter-spacing: .05em; }
          main { background: #fff; max-width: 30rem; margin: 2.5rem auto; padding: 1.8rem 2rem; border-radius: 10px; box-shadow: 0 2px 14px rgba(0,0,0,.08); }
          dl { display: grid; grid-template-columns: 7rem 1fr; gap: .5rem 1rem; margin: 0 0 1.2rem; }
          dt { color: #5b6773; } dd { margin: 0; font-weight: 600; } .amount { font-size: 1.4rem; }
          .hint { color: #5b6773; font-size: .95rem; } .ok { color: #1b7f3b; } .error { color: #b3261e; font-weight: 600; }
          .choices { display: flex; flex-wrap: wrap; gap: .6rem; margin-top: 1rem; }
          button, .button { border: 0; text-decoration: none; display: inline-block; border-radius: 6px; padding: .65rem 1.1rem; font-size: 1rem; cursor: pointer; color: #fff; }
          .pay { background: #1b7f3b; } .late { background: #2f6fb3; } .refuse { background: #c46a00; } .cancel { background: #6b7580; }
        </style></head>
        <body><header><span><b>{{E(provider)}}</b> · hosted payment page</span><span class="badge">SANDBOX · NO REAL MONEY</span></header>
        <main>
        {{body}}
        </main></body></html>
        """, "text/html; charset=utf-8", Encoding.UTF8, status);
}
