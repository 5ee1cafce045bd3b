using System.Net;
using Shop.PayModes.Stripe.Sandbox;
using Shop.Tests.Infrastructure;
using Stripe;
using Stripe.Checkout;

namespace Shop.Tests.PayModes.Stripe.Sandbox;

/// <summary>
/// The official client is the fidelity test: Stripe.net 53.1, pointed at the sandbox, makes and reads Checkout
/// Sessions, replays an idempotency key and turns the sandbox's errors into the <see cref="StripeError"/> it expects.
/// If Stripe.net can drive the sandbox, so can the real thing.
/// </summary>
public sealed class StripeNetFidelityTests(StripeSandboxShop shop) : IClassFixture<StripeSandboxShop>
{
    private SessionService Sessions(string? apiKey = null) => new(shop.Stripe(apiKey));

    internal static SessionCreateOptions Order(string reference = "BILL-7", string attempt = "attempt-41") => new()
    {
        Mode = "payment",
        ClientReferenceId = attempt,
        Metadata = new Dictionary<string, string> { ["bill"] = reference },
        SuccessUrl = StripeSandboxShop.ShopUrl("return?session_id={CHECKOUT_SESSION_ID}"),
        CancelUrl = StripeSandboxShop.ShopUrl("cancel?reference=" + reference),
        LineItems =
        [
            new() { Quantity = 2, PriceData = new() { Currency = "eur", UnitAmount = 1250, ProductData = new() { Name = "Mug", Description = "Blue" } } },
            new() { Quantity = 1, PriceData = new() { Currency = "eur", UnitAmount = 499, ProductData = new() { Name = "Shipping" } } },
        ],
    };

    private static async Task<StripeError> FailsAsync(HttpStatusCode status, Func<Task> call)
    {
        var refused = await Assert.ThrowsAsync<StripeException>(call);
        Assert.Equal(status, refused.HttpStatusCode);
        Assert.NotNull(refused.StripeError);
        Assert.StartsWith("req_", refused.StripeResponse.RequestId);
        return refused.StripeError;
    }

    [Fact]
    public async Task StripeNet_creates_a_session_with_every_field_it_reads_and_reads_it_back()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 1;

        var created = await Sessions().CreateAsync(Order());
        var read = await Sessions().GetAsync(created.Id);

        Assert.Matches("^cs_test_[A-Za-z0-9]{58}$", created.Id);
        Assert.Equal("checkout.session", created.Object);
        Assert.Equal($"http://localhost/sandbox/stripe/pay/{created.Id}", created.Url);
        Assert.Equal(2 * 1250 + 499, created.AmountTotal);
        Assert.Equal(2 * 1250 + 499, created.AmountSubtotal);
        Assert.Equal("eur", created.Currency);
        Assert.Equal("attempt-41", created.ClientReferenceId);
        Assert.Equal(new Dictionary<string, string> { ["bill"] = "BILL-7" }, created.Metadata);
        Assert.Equal(("unpaid", "open", "payment", "hosted"), (created.PaymentStatus, created.Status, created.Mode, created.UiMode));
        Assert.Equal(StripeSandboxShop.ShopUrl("return?session_id={CHECKOUT_SESSION_ID}"), created.SuccessUrl);
        Assert.Equal(StripeSandboxShop.ShopUrl("cancel?reference=BILL-7"), created.CancelUrl);
        Assert.False(created.Livemode);
        Assert.InRange(new DateTimeOffset(created.Created).ToUnixTimeSeconds(), before, before + 60);
        Assert.Equal(24 * 3600, (created.ExpiresAt - created.Created).TotalSeconds, 2.0);
        Assert.Null(created.PaymentIntentId);
        Assert.StartsWith("req_", created.StripeResponse.RequestId);

        Assert.Equal(created.Id, read.Id);
        Assert.Equal((created.AmountTotal, created.Currency, created.ClientReferenceId, created.Url), (read.AmountTotal, read.Currency, read.ClientReferenceId, read.Url));
        Assert.Equal(created.Metadata, read.Metadata);
    }

    [Fact]
    public async Task The_same_idempotency_key_and_body_replays_the_first_session()
    {
        var options = new RequestOptions { IdempotencyKey = "attempt-" + Guid.NewGuid() };

        var first = await Sessions().CreateAsync(Order(), options);
        var again = await Sessions().CreateAsync(Order(), options);
        var other = await Sessions().CreateAsync(Order());

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(options.IdempotencyKey, again.StripeResponse.IdempotencyKey);
        Assert.Equal("true", again.StripeResponse.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.False(first.StripeResponse.Headers.Contains("Idempotent-Replayed"));
        Assert.NotEqual(first.Id, other.Id);
    }

    [Fact]
    public async Task The_same_idempotency_key_with_another_body_is_StripeNets_idempotency_error()
    {
        var options = new RequestOptions { IdempotencyKey = "attempt-" + Guid.NewGuid() };
        await Sessions().CreateAsync(Order("BILL-1"), options);

        var error = await FailsAsync(HttpStatusCode.BadRequest, () => Sessions().CreateAsync(Order("BILL-2"), options));

        Assert.Equal("idempotency_error", error.Type);
        Assert.Contains("same parameters", error.Message);
    }

    [Fact]
    public async Task A_request_refused_before_it_ran_keeps_no_answer_under_its_key()
    {
        var options = new RequestOptions { IdempotencyKey = "attempt-" + Guid.NewGuid() };
        var broken = Order();
        broken.LineItems[0].Quantity = null;
        await FailsAsync(HttpStatusCode.BadRequest, () => Sessions().CreateAsync(broken, options));

        var fixedUp = await Sessions().CreateAsync(Order(), options);

        Assert.Equal("open", fixedUp.Status);
    }

    [Fact]
    public async Task A_wrong_or_missing_secret_key_is_401_and_the_owners_configured_key_is_refused_too()
    {
        var wrong = await FailsAsync(HttpStatusCode.Unauthorized, () => Sessions("sk_test_not_the_sandbox_key").CreateAsync(Order()));
        var configured = await FailsAsync(HttpStatusCode.Unauthorized, () => Sessions(StripeSandboxShop.ConfiguredSecretKey).GetAsync("cs_test_x"));
        var none = await shop.CreateClient().GetAsync("/sandbox/stripe/v1/checkout/sessions/cs_test_x");

        Assert.Equal("invalid_request_error", wrong.Type);
        Assert.StartsWith("Invalid API Key provided", wrong.Message);
        Assert.DoesNotContain("not_the_sandbox_key", wrong.Message);
        Assert.Equal("invalid_request_error", configured.Type);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Contains("You did not provide an API key", await none.Content.ReadAsStringAsync());
        Assert.Equal("Bearer realm=\"Stripe\"", none.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task An_unknown_session_is_404_resource_missing()
    {
        var error = await FailsAsync(HttpStatusCode.NotFound, () => Sessions().GetAsync("cs_test_nosuchsession"));

        Assert.Equal(("invalid_request_error", "resource_missing", "id"), (error.Type, error.Code, error.Param));
        Assert.Equal("No such checkout.session: 'cs_test_nosuchsession'", error.Message);
    }

    [Fact]
    public async Task Bad_input_names_the_parameter_in_Stripes_error()
    {
        var noQuantity = Order();
        noQuantity.LineItems[1].Quantity = null;
        var noMode = Order();
        noMode.Mode = null;
        var badCurrency = Order();
        badCurrency.LineItems[1].PriceData.Currency = "usd";
        var tooSmall = Order();
        tooSmall.LineItems = [new() { Quantity = 1, PriceData = new() { Currency = "eur", UnitAmount = 10, ProductData = new() { Name = "Sticker" } } }];
        var foreign = Order();
        foreign.SuccessUrl = "https://elsewhere.example/paid";
        var unknown = Order();
        unknown.AddExtraParam("colour", "blue");

        var errors = new List<StripeError>();
        foreach (var options in new[] { noQuantity, noMode, badCurrency, tooSmall, foreign, unknown })
            errors.Add(await FailsAsync(HttpStatusCode.BadRequest, () => Sessions().CreateAsync(options)));

        Assert.Equal(
            new (string?, string?)[]
            {
                ("parameter_missing", "line_items[1][quantity]"), ("parameter_missing", "mode"), (null, "line_items[1][price_data][currency]"),
                ("amount_too_small", "line_items"), ("url_invalid", "success_url"), ("parameter_unknown", "colour"),
            },
            errors.Select(e => ((string?)e.Code, (string?)e.Param)));
        Assert.All(errors, e => Assert.Equal("invalid_request_error", e.Type));
        Assert.Equal("Missing required param: line_items[1][quantity].", errors[0].Message);
        Assert.Contains("outside this shop", errors[4].Message);
    }

    [Fact]
    public async Task StripeNet_expires_an_open_session_and_the_expired_event_follows()
    {
        var created = await Sessions().CreateAsync(Order());

        var expired = await Sessions().ExpireAsync(created.Id);
        var again = await FailsAsync(HttpStatusCode.BadRequest, () => Sessions().ExpireAsync(created.Id));
        var delivered = await shop.Inbox.WaitForAsync(created.Id, 1);

        Assert.Equal(("expired", "unpaid"), (expired.Status, expired.PaymentStatus));
        Assert.Null(expired.Url);
        Assert.Equal("checkout_session_expire_not_open", again.Code);
        var stripeEvent = EventUtility.ConstructEvent(delivered.Single().Body, delivered.Single().Signature, shop.WebhookSecret, throwOnApiVersionMismatch: false);
        Assert.Equal(EventTypes.CheckoutSessionExpired, stripeEvent.Type);
        Assert.Equal("expired", ((Session)stripeEvent.Data.Object).Status);
    }

    [Fact]
    public async Task StripeNet_refunds_a_paid_session_in_part_then_in_full_and_charge_refunded_follows_each()
    {
        var created = await Sessions().CreateAsync(Order());
        await StripeSandboxPayments.ChooseAsync(shop, created.Id, "pay");
        var paid = await Sessions().GetAsync(created.Id, new SessionGetOptions { Expand = ["payment_intent"] });
        var refunds = new RefundService(shop.Stripe());

        var part = await refunds.CreateAsync(new RefundCreateOptions { PaymentIntent = paid.PaymentIntentId, Amount = 500, Reason = "requested_by_customer" });
        var tooMuch = await FailsAsync(HttpStatusCode.BadRequest, () => refunds.CreateAsync(new RefundCreateOptions { PaymentIntent = paid.PaymentIntentId, Amount = 5000 }));
        var rest = await refunds.CreateAsync(new RefundCreateOptions { Charge = paid.PaymentIntent.LatestChargeId });
        var none = await FailsAsync(HttpStatusCode.BadRequest, () => refunds.CreateAsync(new RefundCreateOptions { PaymentIntent = paid.PaymentIntentId }));
        var unknown = await FailsAsync(HttpStatusCode.BadRequest, () => refunds.CreateAsync(new RefundCreateOptions { PaymentIntent = "pi_nosuch" }));
        var read = await refunds.GetAsync(part.Id);
        // The completed event names the session and its PaymentIntent, each charge.refunded the PaymentIntent.
        var delivered = await shop.Inbox.WaitForAsync(paid.PaymentIntentId, 3);

        Assert.Equal(("succeeded", 2999L), (paid.PaymentIntent.Status, paid.PaymentIntent.Amount));
        Assert.Equal(("succeeded", 500L, "eur", paid.PaymentIntentId), (part.Status, part.Amount, part.Currency, part.PaymentIntentId));
        Assert.Equal(2999 - 500, rest.Amount);
        Assert.Equal(part.Id, read.Id);
        Assert.Equal(("amount_too_large", "charge_already_refunded", "resource_missing"), (tooMuch.Code, none.Code, unknown.Code));
        var charges = delivered.Skip(1).Select(d => (Charge)EventUtility.ConstructEvent(d.Body, d.Signature, shop.WebhookSecret, throwOnApiVersionMismatch: false).Data.Object).ToList();
        Assert.Equal([(500L, false), (2999L, true)], charges.Select(c => (c.AmountRefunded, c.Refunded)).ToList());
        Assert.All(charges, c => Assert.Equal((paid.PaymentIntentId, 2999L, "eur"), (c.PaymentIntentId, c.Amount, c.Currency)));
    }
}
