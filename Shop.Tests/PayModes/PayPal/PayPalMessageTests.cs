using System.Text;
using System.Text.Json;
using Shop.PayModes.Core;
using Shop.PayModes.PayPal;
using Shop.PayModes.PayPal.Sandbox;

namespace Shop.Tests.PayModes.PayPal;

/// <summary>The pure protocol code: amounts, the order body, IPN postback and parsing, the sandbox's CRC.</summary>
public sealed class PayPalMessageTests
{
    public const string SampleIpn =
        "mc_gross=19.95&protection_eligibility=Eligible&address_status=confirmed&payer_id=LPLWNMTBWMFAY&tax=0.00&address_street=1+Main+St&payment_date=20%3A12%3A59+Jan+13%2C+2009+PST&payment_status=Completed&charset=windows-1252&address_zip=95131&first_name=Test&mc_fee=0.88&address_country_code=US&address_name=Test+User&notify_version=2.6&custom=&payer_status=verified&address_country=United+States&address_city=San+Jose&quantity=1&verify_sign=AtkOfCXbDm2hu0ZELryHFjY-Vb7PAUvS6nMXgysbElEn9v-1XcmSoGtf&payer_email=gpmac_1231902590_per%40paypal.com&txn_id=61E67681CH3238416&payment_type=instant&last_name=User&address_state=CA&receiver_email=gpmac_1231902686_biz%40paypal.com&payment_fee=0.88&receiver_id=S8XGHLYDW9T3S&txn_type=express_checkout&item_name=&mc_currency=USD&item_number=&residence_country=US&test_ipn=1&handling_amount=0.00&transaction_subject=&payment_gross=19.95&shipping=0.00";

    [Theory]
    [InlineData(0L, "EUR", "0.00")]
    [InlineData(100L, "EUR", "1.00")]
    [InlineData(1999L, "EUR", "19.99")]
    [InlineData(100000001L, "EUR", "1000000.01")]
    [InlineData(500L, "JPY", "500")]
    [InlineData(0L, "JPY", "0")]
    public void Amounts_are_PayPal_decimal_strings_from_minor_units(long minor, string currency, string expected)
    {
        Assert.Equal(expected, Money.ToDecimalString(minor, currency));
        Assert.Equal(minor, Money.TryParseMinor(expected, currency));
    }

    [Fact]
    public void Order_body_asks_to_capture_the_amount_for_our_reference_with_the_return_urls()
    {
        var body = PayPalOrderMessages.CreateOrderBody(new PayPalOrderRequest(
            "att_123", "bill_456", 1999, "EUR", "https://shop.example/paymodes/paypal/return?attempt=att_123",
            "https://shop.example/paymodes/paypal/cancel?attempt=att_123", "merchant@shop.example", "Demo Shop"));

        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal("CAPTURE", root.GetProperty("intent").GetString());
        var unit = root.GetProperty("purchase_units")[0];
        Assert.Equal("att_123", unit.GetProperty("invoice_id").GetString());
        Assert.Equal("att_123", unit.GetProperty("custom_id").GetString());
        Assert.Equal("EUR", unit.GetProperty("amount").GetProperty("currency_code").GetString());
        Assert.Equal("19.99", unit.GetProperty("amount").GetProperty("value").GetString());
        Assert.Equal("merchant@shop.example", unit.GetProperty("payee").GetProperty("email_address").GetString());
        var experience = root.GetProperty("payment_source").GetProperty("paypal").GetProperty("experience_context");
        Assert.Equal("https://shop.example/paymodes/paypal/return?attempt=att_123", experience.GetProperty("return_url").GetString());
        Assert.Equal("https://shop.example/paymodes/paypal/cancel?attempt=att_123", experience.GetProperty("cancel_url").GetString());
    }

    [Fact]
    public void Zero_decimal_currency_is_sent_without_decimals()
    {
        var body = PayPalOrderMessages.CreateOrderBody(new PayPalOrderRequest("a", "b", 1500, "JPY", "https://r", "https://c", null, "Shop"));
        using var json = JsonDocument.Parse(body);
        Assert.Equal("1500", json.RootElement.GetProperty("purchase_units")[0].GetProperty("amount").GetProperty("value").GetString());
        Assert.False(json.RootElement.GetProperty("purchase_units")[0].TryGetProperty("payee", out _));
    }

    [Fact]
    public void Approval_link_is_payer_action_else_approve()
    {
        using var modern = JsonDocument.Parse("""{"links":[{"rel":"self","href":"s"},{"rel":"payer-action","href":"https://pp/pa"}]}""");
        using var legacy = JsonDocument.Parse("""{"links":[{"rel":"approve","href":"https://pp/ap"},{"rel":"self","href":"s"}]}""");
        Assert.Equal("https://pp/pa", PayPalOrderMessages.ApprovalLink(modern.RootElement));
        Assert.Equal("https://pp/ap", PayPalOrderMessages.ApprovalLink(legacy.RootElement));
    }

    [Fact]
    public void A_completed_order_can_hold_a_pending_or_declined_capture_which_does_not_pay()
    {
        using var order = JsonDocument.Parse("""
            {"id":"O1","status":"COMPLETED","purchase_units":[{"custom_id":"att_1","payee":{"email_address":"m@x"},
             "payments":{"captures":[{"id":"C1","status":"PENDING","amount":{"currency_code":"EUR","value":"19.99"}}]}}]}
            """);
        var capture = PayPalOrderMessages.FirstCapture(order.RootElement)!;
        Assert.Equal(("C1", "PENDING", 1999L, "EUR", "att_1", "m@x"), (capture.Id, capture.Status, capture.Amount!.Value, capture.Currency, capture.CustomId, capture.PayeeEmail));
        Assert.Equal(PaymentOutcome.Pending, PayPalOrderMessages.OutcomeOf("PENDING"));
        Assert.Equal(PaymentOutcome.Refused, PayPalOrderMessages.OutcomeOf("DECLINED"));
        Assert.Equal(PaymentOutcome.Paid, PayPalOrderMessages.OutcomeOf("COMPLETED"));
    }

    [Fact]
    public void Webhook_verification_embeds_the_event_bytes_unmodified()
    {
        var rawEvent = Encoding.UTF8.GetBytes("{ \"id\" : \"WH-1\",\n  \"event_type\":\"PAYMENT.CAPTURE.COMPLETED\", \"resource\":{\"name\":\"Zo\\u00eb\"} }");
        var body = Encoding.UTF8.GetString(PayPalApi.VerifyBody(new WebhookHeaders("algo", "https://cert", "tid", "sig", "2026-11-28T19:00:00Z"), "WH-ID", rawEvent));

        Assert.Contains("\"webhook_event\":" + Encoding.UTF8.GetString(rawEvent) + "}", body);
        Assert.Contains("\"webhook_id\":\"WH-ID\"", body);
        Assert.Contains("\"transmission_id\":\"tid\"", body);
    }

    [Fact]
    public void IPN_postback_is_the_prefix_followed_by_the_received_bytes_unchanged()
    {
        var received = Encoding.ASCII.GetBytes("payment_date=20%3A12%3A59+Jan+13%2C+2009+PST&first_name=Zo%C3%AB&last_name=%C3%85ngstr%C3%B6m&mc_gross=19.95&charset=UTF-8&item_name=Caf%E9+cr%E8me");

        var postback = PayPalIpnMessage.PostbackBody(received);

        Assert.Equal(Encoding.ASCII.GetBytes("cmd=_notify-validate&").Concat(received).ToArray(), postback);
        Assert.Equal("cmd=_notify-validate&" + SampleIpn, Encoding.ASCII.GetString(PayPalIpnMessage.PostbackBody(Encoding.ASCII.GetBytes(SampleIpn))));
    }

    [Fact]
    public void PayPal_sample_IPN_parses()
    {
        var fields = PayPalIpnMessage.Parse(Encoding.ASCII.GetBytes(SampleIpn));

        Assert.Equal("19.95", fields["mc_gross"]);
        Assert.Equal("USD", fields["mc_currency"]);
        Assert.Equal("Completed", fields["payment_status"]);
        Assert.Equal("20:12:59 Jan 13, 2009 PST", fields["payment_date"]);
        Assert.Equal("1 Main St", fields["address_street"]);
        Assert.Equal("gpmac_1231902686_biz@paypal.com", fields["receiver_email"]);
        Assert.Equal("S8XGHLYDW9T3S", fields["receiver_id"]);
        Assert.Equal("61E67681CH3238416", fields["txn_id"]);
        Assert.Equal("windows-1252", fields["charset"]);
        Assert.Equal("", fields["custom"]);
        Assert.Equal(1995, Money.TryParseMinor(fields["mc_gross"], fields["mc_currency"]));
    }

    [Theory]
    [InlineData("first_name=Zo%EB&charset=windows-1252", "Zoë")]
    [InlineData("first_name=Zo%C3%AB&charset=UTF-8", "Zoë")]
    [InlineData("first_name=Zo%EB", "Zoë")]
    public void IPN_fields_are_decoded_in_the_declared_charset(string body, string expected) =>
        Assert.Equal(expected, PayPalIpnMessage.Parse(Encoding.ASCII.GetBytes(body))["first_name"]);

    [Fact]
    public void Sandbox_CRC32_matches_the_standard_check_value() =>
        Assert.Equal(0xCBF43926u, PayPalSandboxSigning.Crc32("123456789"u8));

    [Fact]
    public void Sandbox_signature_fails_for_a_modified_body()
    {
        var key = new byte[32];
        var signature = PayPalSandboxSigning.Sign(key, PayPalSandboxSigning.StringToSign("t", "time", "wh", "{\"a\":1}"u8));
        Assert.True(PayPalSandboxSigning.Verify(key, PayPalSandboxSigning.StringToSign("t", "time", "wh", "{\"a\":1}"u8), signature));
        Assert.False(PayPalSandboxSigning.Verify(key, PayPalSandboxSigning.StringToSign("t", "time", "wh", "{\"a\": 1}"u8), signature));
    }

    [Fact]
    public void Empty_urls_use_the_sandbox_in_the_sandbox_world_and_PayPal_outside_it()
    {
        var settings = new PayPalSettings();
        var test = PayPalUrls.Resolve(settings, sandboxWorld: true, "http://127.0.0.1:5000/");
        var live = PayPalUrls.Resolve(settings, sandboxWorld: false, "https://shop.example");
        var configured = PayPalUrls.Resolve(new PayPalSettings { ApiBaseUrl = "https://api-m.sandbox.paypal.com/" }, false, "https://shop.example");
        // Standard chosen, its URLs empty (the sandbox world), a live API URL left over from Orders: the sandbox all the same.
        var leftOver = PayPalUrls.Resolve(new PayPalSettings { Integration = "Standard", ApiBaseUrl = "https://api-m.paypal.com" }, true, "https://shop.example");

        Assert.Equal(("http://127.0.0.1:5000/sandbox/paypal", "http://127.0.0.1:5000/sandbox/paypal/webscr", "http://127.0.0.1:5000/sandbox/paypal/ipn"),
            (test.ApiBaseUrl, test.PaymentUrl, test.IpnVerifyUrl));
        Assert.Equal(("https://api-m.paypal.com", "https://www.paypal.com/cgi-bin/webscr", "https://ipnpb.paypal.com/cgi-bin/webscr"),
            (live.ApiBaseUrl, live.PaymentUrl, live.IpnVerifyUrl));
        Assert.Equal("https://api-m.sandbox.paypal.com", configured.ApiBaseUrl);
        Assert.Equal("https://shop.example/sandbox/paypal", leftOver.ApiBaseUrl);
    }

    [Theory]
    [InlineData("Orders", "id", "secret", "WH", null, true)]
    [InlineData("Orders", null, "secret", "WH", null, false)]
    [InlineData("Orders", "id", null, "WH", null, false)]
    [InlineData("Orders", "id", "secret", null, null, false)]
    [InlineData("Standard", null, null, null, "m@shop.example", true)]
    [InlineData("Standard", null, null, null, null, false)]
    [InlineData("Express", "id", "secret", "WH", "m@shop.example", false)]
    public void Settings_require_what_the_chosen_integration_needs(string integration, string? id, string? secret, string? webhook, string? business, bool valid) =>
        Assert.Equal(valid, new PayPalSettings { Integration = integration, ClientId = id, ClientSecret = secret, WebhookId = webhook, Business = business }.IsValid);

    [Theory]
    [InlineData("", true)]
    [InlineData(null, true)]
    [InlineData("https://api-m.sandbox.paypal.com", true)]
    [InlineData("api-m.paypal.com", false)]
    public void Provider_urls_are_absolute_or_empty(string? url, bool valid) =>
        Assert.Equal(valid, new PayPalSettings { ClientId = "i", ClientSecret = "s", WebhookId = "w", ApiBaseUrl = url, PaymentUrl = url, IpnVerifyUrl = url }.IsValid);
}

public sealed class PayPalTokenCacheTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 28, 19, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task Token_is_fetched_once_and_again_only_near_its_expiry()
    {
        var clock = new ManualClock();
        var cache = new PayPalTokenCache(clock);
        var account = new PayPalAccount("https://api", "id", "secret");
        var fetches = 0;
        Task<(string, int)> Fetch() => Task.FromResult(($"token-{++fetches}", 3600));

        var tokens = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => cache.GetAsync(account, PayPalHttp.Api, Fetch, default)));
        Assert.All(tokens, t => Assert.Equal("token-1", t));

        clock.Now = clock.Now.AddSeconds(3600 - 61);
        Assert.Equal("token-1", await cache.GetAsync(account, PayPalHttp.Api, Fetch, default));
        clock.Now = clock.Now.AddSeconds(2);
        Assert.Equal("token-2", await cache.GetAsync(account, PayPalHttp.Api, Fetch, default));
        Assert.Equal("token-3", await cache.GetAsync(account with { ClientSecret = "other" }, PayPalHttp.Api, Fetch, default));
    }

    [Fact]
    public async Task A_token_fetch_stuck_for_webhook_verification_does_not_hold_up_a_buyers_fetch()
    {
        var cache = new PayPalTokenCache(new ManualClock());
        var account = new PayPalAccount("https://api", "id", "secret");
        var stuck = new TaskCompletionSource<(string, int)>();

        var verification = cache.GetAsync(account, PayPalHttp.Verify, () => stuck.Task, default);
        var buyer = cache.GetAsync(account, PayPalHttp.Api, () => Task.FromResult(("buyer-token", 3600)), default);

        Assert.Same(buyer, await Task.WhenAny(buyer, Task.Delay(TimeSpan.FromSeconds(5))));
        Assert.Equal("buyer-token", await buyer);
        stuck.SetResult(("late-token", 3600));
        Assert.Equal("late-token", await verification);
    }
}
