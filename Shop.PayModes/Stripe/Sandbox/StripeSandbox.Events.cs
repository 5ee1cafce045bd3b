using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Shop.PayModes.Core.Sandbox;

namespace Shop.PayModes.Stripe.Sandbox;

public sealed partial class StripeSandbox
{
    /// <summary>
    /// A webhook event as Stripe shapes it (<c>id</c> <c>evt_…</c>, <c>object</c> <c>event</c>, <c>api_version</c>,
    /// <c>created</c>, <c>data.object</c>, <c>livemode</c>, <c>pending_webhooks</c>, <c>request</c>, <c>type</c>), kept
    /// with its session so it can be resent byte for byte.
    /// </summary>
    private SandboxEvent Event(SandboxSession session, string type, JsonObject data)
    {
        var id = NewId("evt_");
        var json = Serialize(new JsonObject
        {
            ["id"] = id,
            ["object"] = "event",
            ["api_version"] = ApiVersion,
            ["created"] = Now,
            ["data"] = new JsonObject { ["object"] = data.DeepClone() },
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
            ["type"] = type,
        });
        var created = new SandboxEvent(id, type, json);
        session.Add(created);
        return created;
    }

    /// <summary>
    /// Posts the event to the shop's notify endpoint, signed now (<c>Stripe-Signature: t=…,v1=…</c> with the sandbox's
    /// webhook secret), as Stripe delivers and retries: the same bytes under a fresh timestamp. Returns the shop's status,
    /// 0 when it could not be reached.
    /// </summary>
    private async Task<int> DeliverAsync(SandboxEvent delivered, CancellationToken ct = default)
    {
        var status = 0;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, NotifyUrl)
            {
                Content = new ByteArrayContent(Encoding.UTF8.GetBytes(delivered.Json)),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.TryAddWithoutValidation("Stripe-Signature", Sign(delivered.Json));
            request.Headers.TryAddWithoutValidation("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)");
            using var response = await clients.CreateClient(SandboxNotifier.ClientName).SendAsync(request, ct);
            status = (int)response.StatusCode;
            logger.LogInformation("Stripe sandbox: {Type} {Event} delivered, the shop answered {Status}", delivered.Type, delivered.Id, status);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            logger.LogWarning("Stripe sandbox: {Type} {Event} not delivered: {Reason}", delivered.Type, delivered.Id, ex.Message);
        }
        delivered.Delivered(status);
        return status;
    }

    /// <summary>The <c>Stripe-Signature</c> header for <paramref name="payload"/>, timestamped now.</summary>
    internal string Sign(string payload) => StripeSandboxSignature.Header(WebhookSecret, Now, payload);

    /// <summary>An event caused by an API call goes out after the call answers, as Stripe's do (never inside the shop's call).</summary>
    private void DeliverLater(SandboxSession session, SandboxEvent later) =>
        _ = Task.Run(async () =>
        {
            // Ordered per session: an event waits for the one before it, as the shop would see them from Stripe.
            await session.Deliveries.WaitAsync();
            try { await DeliverAsync(later); }
            finally { session.Deliveries.Release(); }
        });

    private async Task<int> DeliverNowAsync(SandboxSession session, SandboxEvent now, CancellationToken ct)
    {
        await session.Deliveries.WaitAsync(ct);
        try { return await DeliverAsync(now, ct); }
        finally { session.Deliveries.Release(); }
    }

    /// <summary>Sends the session's events again, in order (only those of <paramref name="type"/> if given); the shop's answers.</summary>
    internal async Task<IReadOnlyList<int>> ResendAsync(SandboxSession session, string? type, CancellationToken ct)
    {
        var statuses = new List<int>();
        foreach (var again in session.Events.Where(e => type is null || e.Type == type))
            statuses.Add(await DeliverNowAsync(session, again, ct));
        return statuses;
    }

    /// <summary>
    /// Settles a delayed payment the buyer started on the page: <c>checkout.session.async_payment_succeeded</c> (the
    /// session turns paid) or <c>…_failed</c>. Null when nothing is pending; else the shop's answer.
    /// </summary>
    internal async Task<int?> SettleAsync(SandboxSession session, CancellationToken ct)
    {
        SandboxEvent settled;
        lock (session.Gate)
        {
            if (session.Pending is not { } outcome)
                return null;
            session.Pending = null;
            if (outcome == DelayedOutcome.Succeeds)
                session.PaymentStatus = "paid";
            else
                session.Failed = true;
            settled = Event(session, outcome == DelayedOutcome.Succeeds
                ? "checkout.session.async_payment_succeeded" : "checkout.session.async_payment_failed", session.ToJson(HostedPage(session)));
        }
        Log(settled.Type, session);
        return await DeliverNowAsync(session, settled, ct);
    }

    /// <summary>A session past its <c>expires_at</c> expires when next looked at, and <c>checkout.session.expired</c> goes out.</summary>
    private void ExpireIfDue(SandboxSession session)
    {
        SandboxEvent expired;
        lock (session.Gate)
        {
            if (session.Status != "open" || Now < session.ExpiresAt)
                return;
            session.Status = "expired";
            expired = Event(session, "checkout.session.expired", session.ToJson(HostedPage(session)));
        }
        Log("session expired by time", session);
        DeliverLater(session, expired);
    }
}
