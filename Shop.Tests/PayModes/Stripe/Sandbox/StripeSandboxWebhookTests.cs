using System.Net;
using System.Reflection;
using System.Text.Json.Nodes;
using Shop.PayModes.Core;
using Shop.PayModes.Stripe.Sandbox;
using Shop.Tests.Infrastructure;
using Stripe;
using Stripe.Checkout;

namespace Shop.Tests.PayModes.Stripe.Sandbox;

public static class StripeSandboxPayments
{
    /// <summary>The buyer's choice on the hosted page (no redirect followed).</summary>
    public static Task<HttpResponseMessage> ChooseAsync(StripeSandboxShop shop, string sessionId, string choice) =>
        shop.NoRedirects().PostAsync($"/sandbox/stripe/pay/{sessionId}", new FormUrlEncodedContent([new("choice", choice)]));

    public static Task<Session> NewSessionAsync(StripeSandboxShop shop) => new SessionService(shop.Stripe()).CreateAsync(StripeNetFidelityTests.Order());
}

/// <summary>
/// The hosted page's choices and the webhook events each sends, checked with Stripe.net's own signature helper
/// (<see cref="EventUtility.ConstructEvent(string, string, string, long, bool)"/>): what the shop's mode runs on every event.
/// </summary>
public sealed class StripeSandboxWebhookTests(StripeSandboxShop shop) : IClassFixture<StripeSandboxShop>
{
    private Event Verified(Delivery delivery) =>
        EventUtility.ConstructEvent(delivery.Body, delivery.Signature, shop.WebhookSecret, throwOnApiVersionMismatch: false);

    [Fact]
    public async Task Pay_sends_the_buyer_to_the_success_url_and_a_signed_completed_event_Stripe_net_accepts()
    {
        var session = await StripeSandboxPayments.NewSessionAsync(shop);

        var page = await shop.NoRedirects().GetStringAsync($"/sandbox/stripe/pay/{session.Id}");
        var back = await StripeSandboxPayments.ChooseAsync(shop, session.Id, "pay");
        var delivered = shop.Inbox.For(session.Id).Single();

        Assert.Contains("29.99 EUR", page);
        Assert.Contains("id=\"sandbox-pay\"", page);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal(StripeSandboxShop.ShopUrl("return?session_id=" + session.Id), back.Headers.Location!.ToString());
        Assert.Equal("http://localhost/paymodes/stripe/notify", delivered.Url);
        Assert.StartsWith("application/json", delivered.ContentType);
        Assert.Matches("^t=[0-9]{10},v1=[0-9a-f]{64}$", delivered.Signature);
        // The sandbox speaks the API version Stripe.net pins, so the strict check passes too.
        var stripeEvent = EventUtility.ConstructEvent(delivered.Body, delivered.Signature, shop.WebhookSecret);
        Assert.Equal(StripeConfiguration.ApiVersion, stripeEvent.ApiVersion);
        Assert.Matches("^evt_[A-Za-z0-9]{24}$", stripeEvent.Id);
        Assert.Equal(("event", EventTypes.CheckoutSessionCompleted, false), (stripeEvent.Object, stripeEvent.Type, stripeEvent.Livemode));
        var paid = Assert.IsType<Session>(stripeEvent.Data.Object);
        Assert.Equal((session.Id, "complete", "paid", 2999L, "eur"), (paid.Id, paid.Status, paid.PaymentStatus, paid.AmountTotal ?? 0, paid.Currency));
        Assert.Equal(("attempt-41", "BILL-7"), (paid.ClientReferenceId, paid.Metadata["bill"]));
        Assert.StartsWith("pi_", paid.PaymentIntentId);
        var read = await new SessionService(shop.Stripe()).GetAsync(session.Id);
        Assert.Equal(("complete", "paid", paid.PaymentIntentId), (read.Status, read.PaymentStatus, read.PaymentIntentId));
        Assert.Null(read.Url);
    }

    [Fact]
    public async Task StripeNets_signature_helper_and_the_sandboxs_signer_agree_and_a_tampered_event_is_refused()
    {
        var session = await StripeSandboxPayments.NewSessionAsync(shop);
        await StripeSandboxPayments.ChooseAsync(shop, session.Id, "pay");
        var delivered = shop.Inbox.For(session.Id).Single();
        const string payload = "{\"id\":\"evt_1\",\"object\":\"event\"}";

        var tampered = delivered.Body.Replace("\"amount_total\": 2999", "\"amount_total\": 1", StringComparison.Ordinal);

        Assert.Equal(EventUtility.GenerateSignatureHeader(payload, "whsec_vector", 1_700_000_000),
            StripeSandboxSignature.Header("whsec_vector", 1_700_000_000, payload));
        Assert.NotEqual(delivered.Body, tampered);
        Assert.NotNull(Verified(delivered));
        Assert.Throws<StripeException>(() => EventUtility.ConstructEvent(tampered, delivered.Signature, shop.WebhookSecret, throwOnApiVersionMismatch: false));
        Assert.Throws<StripeException>(() => EventUtility.ConstructEvent(delivered.Body, delivered.Signature, StripeSandboxShop.ConfiguredWebhookSecret, throwOnApiVersionMismatch: false));
    }

    [Fact]
    public async Task A_declined_card_keeps_the_buyer_on_the_page_sends_nothing_and_the_session_stays_open()
    {
        var session = await StripeSandboxPayments.NewSessionAsync(shop);

        var declined = await StripeSandboxPayments.ChooseAsync(shop, session.Id, "decline");
        var read = await new SessionService(shop.Stripe()).GetAsync(session.Id);
        var thenPaid = await StripeSandboxPayments.ChooseAsync(shop, session.Id, "pay");

        Assert.Equal(HttpStatusCode.PaymentRequired, declined.StatusCode);
        Assert.Contains("Your card was declined", await declined.Content.ReadAsStringAsync());
        Assert.Equal(("open", "unpaid"), (read.Status, read.PaymentStatus));
        Assert.Equal(HttpStatusCode.Redirect, thenPaid.StatusCode);
        Assert.Equal([EventTypes.CheckoutSessionCompleted], shop.Inbox.For(session.Id).Select(d => Verified(d).Type));
    }

    [Fact]
    public async Task Cancel_returns_to_the_cancel_url_and_expire_sends_checkout_session_expired()
    {
        var session = await StripeSandboxPayments.NewSessionAsync(shop);

        var cancelled = await StripeSandboxPayments.ChooseAsync(shop, session.Id, "cancel");
        var stillOpen = await new SessionService(shop.Stripe()).GetAsync(session.Id);
        var expired = await StripeSandboxPayments.ChooseAsync(shop, session.Id, "expire");
        var late = await StripeSandboxPayments.ChooseAsync(shop, session.Id, "pay");

        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal(StripeSandboxShop.ShopUrl("cancel?reference=BILL-7"), cancelled.Headers.Location!.ToString());
        Assert.Equal("open", stillOpen.Status);
        Assert.Equal(StripeSandboxShop.ShopUrl("cancel?reference=BILL-7"), expired.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var events = shop.Inbox.For(session.Id).Select(Verified).ToList();
        Assert.Equal([EventTypes.CheckoutSessionExpired], events.Select(e => e.Type));
        Assert.Equal(("expired", "unpaid"), (((Session)events[0].Data.Object).Status, ((Session)events[0].Data.Object).PaymentStatus));
    }

    [Theory]
    [InlineData("delayed_success", EventTypes.CheckoutSessionAsyncPaymentSucceeded, "paid", "succeeded")]
    [InlineData("delayed_failure", EventTypes.CheckoutSessionAsyncPaymentFailed, "unpaid", "requires_payment_method")]
    public async Task A_delayed_method_completes_unpaid_then_settles_as_the_buyer_chose(string choice, string settledType, string settledStatus, string intentStatus)
    {
        var session = await StripeSandboxPayments.NewSessionAsync(shop);

        var page = await StripeSandboxPayments.ChooseAsync(shop, session.Id, choice);
        var processing = await new SessionService(shop.Stripe()).GetAsync(session.Id, new SessionGetOptions { Expand = ["payment_intent"] });
        var settled = await shop.NoRedirects().PostAsync($"/sandbox/stripe/sessions/{session.Id}/settle", null);
        var twice = await shop.NoRedirects().PostAsync($"/sandbox/stripe/sessions/{session.Id}/settle", null);
        var after = await new SessionService(shop.Stripe()).GetAsync(session.Id, new SessionGetOptions { Expand = ["payment_intent"] });

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("id=\"sandbox-settle\"", html);
        Assert.Contains(WebUtilityEncoded(StripeSandboxShop.ShopUrl("return?session_id=" + session.Id)), html);
        Assert.Equal(("complete", "unpaid", "processing"), (processing.Status, processing.PaymentStatus, processing.PaymentIntent.Status));
        Assert.Equal(HttpStatusCode.OK, settled.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal((settledStatus, intentStatus), (after.PaymentStatus, after.PaymentIntent.Status));
        var events = shop.Inbox.For(session.Id).Select(Verified).ToList();
        Assert.Equal([EventTypes.CheckoutSessionCompleted, settledType], events.Select(e => e.Type));
        Assert.Equal(["unpaid", settledStatus], events.Select(e => ((Session)e.Data.Object).PaymentStatus));
    }

    private static string WebUtilityEncoded(string text) => System.Text.Encodings.Web.HtmlEncoder.Default.Encode(text);

    [Fact]
    public async Task Resend_delivers_the_same_events_again_newly_signed_and_reports_the_shops_answers()
    {
        var session = await StripeSandboxPayments.NewSessionAsync(shop);
        await StripeSandboxPayments.ChooseAsync(shop, session.Id, "delayed_success");
        await shop.NoRedirects().PostAsync($"/sandbox/stripe/sessions/{session.Id}/settle", null);

        var resent = await shop.NoRedirects().PostAsync($"/sandbox/stripe/sessions/{session.Id}/resend", null);
        var onlyCompleted = await shop.NoRedirects().PostAsync($"/sandbox/stripe/sessions/{session.Id}/resend?type=checkout.session.completed", null);
        var page = await shop.NoRedirects().GetStringAsync($"/sandbox/stripe/sessions/{session.Id}");

        var answer = JsonNode.Parse(await resent.Content.ReadAsStringAsync())!;
        Assert.Equal(2, answer["delivered"]!.GetValue<int>());
        Assert.Equal([200, 200], answer["statuses"]!.AsArray().Select(s => s!.GetValue<int>()));
        Assert.Equal(1, JsonNode.Parse(await onlyCompleted.Content.ReadAsStringAsync())!["delivered"]!.GetValue<int>());
        var deliveries = shop.Inbox.For(session.Id);
        Assert.Equal(5, deliveries.Count);
        Assert.All(deliveries, d => Assert.NotNull(Verified(d)));
        Assert.Equal(deliveries[0].Body, deliveries[2].Body);
        Assert.Equal(deliveries[1].Body, deliveries[3].Body);
        Assert.Equal(deliveries[0].Body, deliveries[4].Body);
        Assert.Contains("checkout.session.async_payment_succeeded", page);
        Assert.Contains("the shop answered 200, 200, 200", page);
    }

    [Fact]
    public async Task The_mode_names_its_secrets_as_the_sandbox_credentials_do()
    {
        var mode = shop.Service<PayModeRegistry>().Find(StripeSandbox.Code)!;

        var secrets = mode.SettingsType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.IsDefined(typeof(SecretAttribute))).Select(p => p.Name).Order();

        Assert.Equal([StripeSandbox.SecretKeySetting, StripeSandbox.WebhookSecretSetting], secrets);
        Assert.Equal(typeof(StripeSandbox), shop.Service<PayModeRegistry>().DeclarationOf(mode)!.SandboxRoutes);
        await Task.CompletedTask;
    }
}
