using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;

namespace Shop.PayModes.PayPal.Sandbox;

/// <summary>Payments Standard in the sandbox: the <c>_xclick</c> page, IPN delivery, and <c>_notify-validate</c>.</summary>
public sealed partial class PayPalSandbox
{
    /// <summary>What PayPal's IPN postback starts with, before the message's own bytes.</summary>
    private static readonly byte[] NotifyValidatePrefix = "cmd=_notify-validate&"u8.ToArray();

    /// <summary>The Payments Standard page the shop's <c>_xclick</c> form posts to.</summary>
    internal async Task<ContentHttpResult> StandardPageAsync(HttpContext http)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (form["cmd"] != "_xclick" || string.IsNullOrEmpty(form["business"]) || string.IsNullOrEmpty(form["amount"]))
            return Page("PayPal sandbox", "<h1>This payment request is not valid</h1><p>cmd, business and amount are required.</p>");
        if (ForeignTargetOf(http, form) is { } foreign)
            return ForeignTarget(foreign);
        var hidden = new StringBuilder();
        foreach (var (name, values) in form)
            hidden.Append($"""<input type="hidden" name="{Html.Encode(name)}" value="{Html.Encode(values.ToString())}" />""").Append('\n');
        return Page("Pay with PayPal · sandbox", $"""
            <h1>Pay {Html.Encode(form["business"].ToString())}</h1>
            <p>{Html.Encode(form["item_name"].ToString())}</p>
            <div class="amount" id="sandbox-amount">{Html.Encode($"{form["amount"]} {form["currency_code"]}")}</div>
            <form method="post" action="{Html.Encode(SandboxBaseUrl)}/webscr/pay">
            {hidden}<button class="primary" id="sandbox-pay" name="choice" value="pay">Pay now</button>
              <button class="secondary" id="sandbox-pay-late" name="choice" value="late">Pay (IPN delayed until redelivered)</button>
              <button class="secondary" id="sandbox-pay-pending" name="choice" value="pending">Pay (payment stays pending)</button>
              <button class="secondary" id="sandbox-cancel" name="choice" value="cancel">Cancel and return to the shop</button>
            </form>
            """);
    }

    internal async Task<Results<ContentHttpResult, RedirectHttpResult>> StandardPayAsync(HttpContext http)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (ForeignTargetOf(http, form) is { } foreign)
            return ForeignTarget(foreign);
        var choice = form["choice"].ToString();
        if (choice == "cancel")
            return TypedResults.Redirect(form["cancel_return"].ToString());
        var fields = new Dictionary<string, string>
        {
            ["mc_gross"] = form["amount"].ToString(),
            ["invoice"] = form["invoice"].ToString(),
            ["protection_eligibility"] = "Eligible",
            ["payer_id"] = "SANDBOXPAYER1",
            ["payment_date"] = clock.GetUtcNow().ToOffset(TimeSpan.FromHours(-8)).ToString("HH:mm:ss MMM dd, yyyy", System.Globalization.CultureInfo.InvariantCulture) + " PST",
            ["payment_status"] = choice == "pending" ? "Pending" : "Completed",
            ["charset"] = "UTF-8",
            ["first_name"] = "Zoë",
            ["last_name"] = "Ångström",
            ["mc_fee"] = "0.00",
            ["notify_version"] = "3.9",
            ["custom"] = form["custom"].ToString(),
            ["payer_status"] = "verified",
            ["business"] = form["business"].ToString(),
            ["quantity"] = "1",
            ["verify_sign"] = NewId(40),
            ["payer_email"] = "buyer@sandbox.example",
            ["txn_id"] = NewId(),
            ["payment_type"] = "instant",
            ["receiver_email"] = form["business"].ToString(),
            ["receiver_id"] = ReceiverId,
            ["txn_type"] = "web_accept",
            ["item_name"] = form["item_name"].ToString(),
            ["mc_currency"] = form["currency_code"].ToString(),
            ["test_ipn"] = "1",
            ["ipn_track_id"] = NewId(13).ToLowerInvariant(),
        };
        if (choice == "pending")
            fields["pending_reason"] = "echeck";
        // Keep what the later "complete" and "refund" messages repeat.
        fields["notify_url"] = form["notify_url"].ToString();
        _ipnByTxn[fields["txn_id"]] = new Dictionary<string, string>(fields);
        fields.Remove("notify_url");
        if (choice == "late")
            _heldIpn[fields["txn_id"]] = (form["notify_url"].ToString(), RegisterIpn(fields));
        else
            await SendIpnAsync(form["notify_url"].ToString(), fields, http.RequestAborted);
        return TypedResults.Redirect(form["return"].ToString());
    }

    /// <summary>The first of <c>return</c>, <c>cancel_return</c> and <c>notify_url</c> that is missing or not one of the shop's PayPal endpoints.</summary>
    private static string? ForeignTargetOf(HttpContext http, IFormCollection form) =>
        new[] { form["return"].ToString(), form["cancel_return"].ToString(), form["notify_url"].ToString() }.FirstOrDefault(url => !IsShopUrl(http, url));

    /// <summary>Form-encodes <paramref name="fields"/> the way PayPal does (UTF-8, <c>+</c> for spaces), remembers the exact
    /// bytes for <c>_notify-validate</c>, and returns them.</summary>
    public string RegisterIpn(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var body = string.Join("&", fields.Select(f => $"{WebUtility.UrlEncode(f.Key)}={WebUtility.UrlEncode(f.Value)}"));
        _sentIpn[body] = 0;
        return body;
    }

    /// <summary>Sends an IPN to <paramref name="notifyUrl"/>; returns the shop's status code (0 when unreachable).</summary>
    public async Task<int> SendIpnAsync(string notifyUrl, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken ct = default)
    {
        var sent = fields.ToList();
        var body = RegisterIpn(sent);
        // The first txn_id is the message's, as PayPal (and a form reader) takes it.
        return await PostIpnAsync(notifyUrl, body, sent.FirstOrDefault(f => f.Key == "txn_id").Value, ct);
    }

    private async Task<int> PostIpnAsync(string notifyUrl, string body, string? txn, CancellationToken ct = default)
    {
        if (txn is not null)
            _lastIpn[txn] = (notifyUrl, body);
        try
        {
            using var content = new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded");
            content.Headers.ContentType!.CharSet = null;
            using var response = await clients.CreateClient(DeliveryClient).PostAsync(notifyUrl, content, ct);
            return (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or ObjectDisposedException or Polly.ExecutionRejectedException)
        {
            logger.LogWarning("Sandbox IPN delivery failed: {Reason}", ex.Message);
            return 0;
        }
    }

    /// <summary>Sandbox control: a Pending payment clears; PayPal sends a Completed IPN with the same txn_id.</summary>
    public async Task<bool> CompletePendingIpnAsync(string txnId)
    {
        if (!_ipnByTxn.TryGetValue(txnId, out var sent) || sent["payment_status"] != "Pending")
            return false;
        var fields = new Dictionary<string, string>(sent) { ["payment_status"] = "Completed", ["verify_sign"] = NewId(40) };
        fields.Remove("pending_reason");
        _ipnByTxn[txnId] = new Dictionary<string, string>(fields);
        var notifyUrl = fields["notify_url"];
        fields.Remove("notify_url");
        return await SendIpnAsync(notifyUrl, fields) != 0;
    }

    /// <summary>Sandbox control: the merchant refunds; PayPal sends a Refunded IPN with a new txn_id and parent_txn_id.</summary>
    public async Task<bool> RefundIpnAsync(string txnId)
    {
        if (!_ipnByTxn.TryGetValue(txnId, out var sent) || sent["payment_status"] != "Completed")
            return false;
        var fields = new Dictionary<string, string>(sent)
        {
            ["payment_status"] = "Refunded", ["parent_txn_id"] = txnId, ["txn_id"] = NewId(), ["reason_code"] = "refund",
            ["mc_gross"] = "-" + sent["mc_gross"], ["verify_sign"] = NewId(40),
        };
        var notifyUrl = fields["notify_url"];
        fields.Remove("notify_url");
        return await SendIpnAsync(notifyUrl, fields) != 0;
    }

    /// <summary>Sandbox control: sends a held IPN, or the last one again (a duplicate, byte for byte).</summary>
    public async Task<bool> RedeliverIpnAsync(string txnId)
    {
        if (_heldIpn.TryRemove(txnId, out var held) || _lastIpn.TryGetValue(txnId, out held))
            return await PostIpnAsync(held.NotifyUrl, held.Body, txnId) != 0;
        return false;
    }

    /// <summary>The txn_id of the sandbox's IPN for an attempt (its <c>invoice</c>).</summary>
    public string? FindIpnTransaction(string invoice) =>
        _ipnByTxn.FirstOrDefault(kv => kv.Value.GetValueOrDefault("invoice") == invoice && kv.Value.GetValueOrDefault("payment_status") != "Refunded").Key;

    /// <summary><c>_notify-validate</c>: VERIFIED only for a byte-identical copy of a message the sandbox sent.</summary>
    internal async Task<ContentHttpResult> NotifyValidateAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        var bytes = buffer.ToArray();
        var prefix = NotifyValidatePrefix;
        var verified = bytes.AsSpan().StartsWith(prefix) && bytes.Skip(prefix.Length).All(b => b < 0x80)
            && _sentIpn.ContainsKey(Encoding.ASCII.GetString(bytes, prefix.Length, bytes.Length - prefix.Length));
        return TypedResults.Text(verified ? "VERIFIED" : "INVALID", "text/plain");
    }

    /// <summary>The IPN sender: <c>notify_url</c> plus the fields to send, as a form.</summary>
    internal async Task<Results<ApiAnswer, Ok<IpnSent>>> SendIpnFromFormAsync(HttpContext http)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var notifyUrl = form["notify_url"].ToString();
        if (notifyUrl.Length == 0)
            return ApiError(StatusCodes.Status400BadRequest, NotificationsApi, new SandboxIssue("MISSING_REQUIRED_PARAMETER", MissingDescription, Location: "body"));
        if (!IsShopUrl(http, notifyUrl))
            return ApiError(StatusCodes.Status400BadRequest, NotificationsApi, new SandboxIssue("NOTIFY_URL_OUTSIDE_THE_SHOP", "The notify URL is not one of the shop's PayPal endpoints.", "notify_url", Location: "body"));
        var fields = form.Where(f => f.Key != "notify_url").Select(f => KeyValuePair.Create(f.Key, f.Value.ToString())).ToList();
        return TypedResults.Ok(new IpnSent(await SendIpnAsync(notifyUrl, fields, http.RequestAborted)));
    }
}
