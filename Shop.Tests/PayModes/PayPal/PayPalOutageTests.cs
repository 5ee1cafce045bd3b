using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.PayPal;
using Shop.Tests.Infrastructure;

namespace Shop.Tests.PayModes.PayPal;

public sealed class PayPalDownFactory() : PayPalFactory(PayPalSettings.Orders, () => Handler)
{
    public static readonly OutageHandler Handler = new(hang: false);
}

public sealed class PayPalSilentFactory() : PayPalFactory(PayPalSettings.Orders, () => Handler)
{
    public static readonly OutageHandler Handler = new(hang: true);
}

/// <summary>PayPal's API answers 500 or nothing: the buyer gets a clear page, the bill stays unpaid, retry stays possible.</summary>
public sealed class PayPalOutageTests : IClassFixture<PayPalDownFactory>, IClassFixture<PayPalSilentFactory>
{
    private readonly PayPalDownFactory _down;
    private readonly PayPalSilentFactory _silent;

    public PayPalOutageTests(PayPalDownFactory down, PayPalSilentFactory silent) => (_down, _silent) = (down, silent);

    [Fact]
    public async Task PayPal_answering_500_gives_a_try_again_page_and_leaves_the_bill_unpaid()
    {
        var client = _down.NoRedirects();
        var order = await client.PlaceAsync("paypal", ("MUG-001", 1));
        var before = PayPalDownFactory.Handler.Calls;

        var send = await client.SendAsync(order);

        await AssertTryAgainPageAsync(send, order);
        Assert.True(PayPalDownFactory.Handler.Calls - before >= 2, "the resilience handler retries a 500");
        Assert.Equal("PLACED", (await client.BillAsync(order.Reference)).State);
        // Retry stays possible: the hand-over is offered again (and fails the same way while PayPal is down).
        await AssertTryAgainPageAsync(await client.SendAsync(order), order);
    }

    [Fact]
    public async Task PayPal_timing_out_gives_a_try_again_page_and_leaves_the_bill_unpaid()
    {
        var client = _silent.NoRedirects();
        var order = await client.PlaceAsync("paypal", ("MUG-001", 1));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var send = await client.SendAsync(order);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"gave up after {clock.Elapsed}");
        await AssertTryAgainPageAsync(send, order);
        Assert.Equal("PLACED", (await client.BillAsync(order.Reference)).State);
    }

    private static async Task AssertTryAgainPageAsync(HttpResponseMessage response, PlacedOrder order)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("PayPal is not answering right now", page);
        Assert.Contains($"href=\"/checkout?retry={order.Reference}\"", page);
        Assert.DoesNotContain("Exception", page);
    }
}

/// <summary>The capture fails while PayPal is down, and succeeds when the buyer comes back once it is up again.</summary>
public sealed class PayPalCaptureOutageTests(PayPalCaptureOutageTests.Factory shop) : IClassFixture<PayPalCaptureOutageTests.Factory>
{
    /// <summary>The sandbox behind a switch that makes every capture answer 502.</summary>
    public sealed class Factory : PayPalFactory
    {
        private readonly FailCaptures _handler;

        public Factory() : this(new FailCaptures())
        {
        }

        private Factory(FailCaptures handler) : base(PayPalSettings.Orders, () => handler) => _handler = handler;

        public bool CapturesFail { set => _handler.Failing = value; }

        public void Wire() => _handler.InnerHandler ??= Server.CreateHandler();
    }

    public sealed class FailCaptures : DelegatingHandler
    {
        public volatile bool Failing = true;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct) =>
            Failing && request.RequestUri!.AbsolutePath.EndsWith("/capture", StringComparison.Ordinal)
                ? Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadGateway))
                : base.SendAsync(request, ct);
    }

    [Fact]
    public async Task Capture_during_an_outage_pays_nothing_and_a_later_return_pays_once()
    {
        var client = shop.NoRedirects();
        shop.Wire();
        var order = await client.PlaceAsync("paypal", ("MUG-001", 1));
        var orderId = await client.StartOrderAsync(order);
        var back = await client.ChooseAsync(orderId, "approve");

        var failed = await client.ReturnAsync(back);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Contains("try again", await failed.Content.ReadAsStringAsync());
        Assert.Equal("PLACED", (await client.BillAsync(order.Reference)).State);

        shop.CapturesFail = false;
        var returned = await client.ReturnAsync(back);

        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        Assert.Equal("COMPLETE", (await client.BillAsync(order.Reference)).State);
        Assert.Equal(1, await shop.AfterPaymentDeliveriesAsync(order.Reference));
    }
}

/// <summary>PayPal Standard on a test platform that does not answer (both of its URLs set: with one set, the other would mean PayPal live).</summary>
public sealed class IpnVerifyDownFactory() : PayPalFactory(PayPalSettings.Standard, extra: new Dictionary<string, string?>
{
    ["PayModes:paypal:PaymentUrl"] = "http://localhost/nowhere/webscr",
    ["PayModes:paypal:IpnVerifyUrl"] = "http://localhost/nowhere/ipn",
});

/// <summary>When PayPal cannot be asked about an IPN, the shop answers 4xx so that PayPal sends it again later.</summary>
public sealed class PayPalIpnVerifyOutageTests(IpnVerifyDownFactory shop) : IClassFixture<IpnVerifyDownFactory>
{
    [Fact]
    public async Task IPN_that_cannot_be_verified_now_is_refused_for_a_later_retry_and_changes_nothing()
    {
        var client = shop.NoRedirects();
        var order = await client.PlaceAsync("paypal", ("MUG-001", 1));
        await client.SendAsync(order);
        var attempt = (await shop.BillAsync(order.Reference)).LatestAttempt!.Reference;
        var body = shop.Sandbox.RegisterIpn([new("invoice", attempt), new("txn_id", "T1"), new("payment_status", "Completed"),
            new("mc_gross", "14.99"), new("mc_currency", "EUR"), new("receiver_email", PayPalFactory.Business)]);

        var response = await client.PostAsync("/paymodes/paypal/notify", new StringContent(body, System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("PLACED", (await client.BillAsync(order.Reference)).State);
    }
}
