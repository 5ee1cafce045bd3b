using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.Core;
using Shop.PayModes.PayPal;
using Shop.Tests.Infrastructure;
using Shop.Tests.PayModes.Providers;

namespace Shop.Tests.PayModes.PayPal;

/// <summary>
/// The shop on a real socket with PayPal on its built-in sandbox and no public URL (the shipped default): every
/// PayPal call goes over HTTP to the shop's own listening address, as it would to PayPal.
/// </summary>
public abstract class KestrelPayPalFactory(string integration) : KestrelShopFactory(
    PayPalFactory.Settings(integration, new Dictionary<string, string?> { ["Shop:PublicBaseUrl"] = "" }))
{
    public Task<BillView> BillAsync(string reference) =>
        InScopeAsync(async sp => (await sp.GetRequiredService<IBillGateway>().FindAsync(reference))!);
}

public sealed class KestrelPayPalOrdersFactory() : KestrelPayPalFactory(PayPalSettings.Orders);

public sealed class KestrelPayPalStandardFactory() : KestrelPayPalFactory(PayPalSettings.Standard);

/// <summary>
/// Finding 2 of issue 17: one anonymous notification with <c>Host: 127.0.0.1:&lt;listener&gt;</c> made the shop send its
/// PayPal client id and secret to that listener, believe its "SUCCESS"/"VERIFIED" and deliver the bill. The shop's
/// calls now go to its own address whatever the Host says.
/// </summary>
public sealed class PayPalForgedHostTests(KestrelPayPalOrdersFactory orders, KestrelPayPalStandardFactory standard)
    : IClassFixture<KestrelPayPalOrdersFactory>, IClassFixture<KestrelPayPalStandardFactory>
{
    [Fact]
    public async Task A_webhook_with_a_forged_Host_makes_no_call_to_that_host_and_pays_nothing()
    {
        using var stranger = new StrangerListener();
        using var client = Client(orders);
        var order = await client.PlaceAsync("paypal", ("MUG-001", 1));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SendAsync(order)).StatusCode);
        var attempt = (await orders.BillAsync(order.Reference)).LatestAttempt!.Reference;
        var body = PayPalOrdersHttpTests.CaptureEvent(attempt, "PAYMENT.CAPTURE.COMPLETED", Money.ToDecimalString(order.Total, "EUR"));

        using var forged = new HttpRequestMessage(HttpMethod.Post, "/paymodes/paypal/notify") { Content = new StringContent(body, Encoding.UTF8) };
        forged.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        forged.Headers.Host = stranger.Host;
        foreach (var (name, value) in ForgedTransmission(stranger))
            forged.Headers.TryAddWithoutValidation(name, value);
        var response = await client.SendAsync(forged);

        Assert.Empty(stranger.Requests);
        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("PLACED", (await client.BillAsync(order.Reference)).State);
    }

    [Fact]
    public async Task An_IPN_with_a_forged_Host_makes_no_postback_to_that_host_and_pays_nothing()
    {
        using var stranger = new StrangerListener();
        using var client = Client(standard);
        var order = await client.PlaceAsync("paypal", ("MUG-001", 1));
        var handover = ProviderFlow.Form(await (await client.SendAsync(order)).Content.ReadAsStringAsync());
        var ipn = new FormUrlEncodedContent(
        [
            new("invoice", handover.Fields["invoice"]), new("txn_id", "FORGED0001"), new("payment_status", "Completed"),
            new("mc_gross", Money.ToDecimalString(order.Total, "EUR")), new("mc_currency", "EUR"), new("receiver_email", PayPalFactory.Business),
        ]);

        using var forged = new HttpRequestMessage(HttpMethod.Post, "/paymodes/paypal/notify") { Content = ipn };
        forged.Headers.Host = stranger.Host;
        var response = await client.SendAsync(forged);

        Assert.Empty(stranger.Requests);
        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("PLACED", (await client.BillAsync(order.Reference)).State);
    }

    [Fact]
    public async Task A_hand_over_asked_for_with_a_forged_Host_names_only_the_shops_own_address()
    {
        using var client = Client(standard);
        var order = await client.PlaceAsync("paypal", ("MUG-001", 1));

        using var send = new HttpRequestMessage(HttpMethod.Get, new Uri(order.PayUrl).PathAndQuery);
        send.Headers.Host = "evil.example";
        var handover = ProviderFlow.Form(await (await client.SendAsync(send)).Content.ReadAsStringAsync());

        Assert.Equal($"{standard.BaseUrl}/sandbox/paypal/webscr", handover.Action);
        foreach (var field in new[] { "notify_url", "return", "cancel_return" })
            Assert.StartsWith($"{standard.BaseUrl}/paymodes/paypal/", handover.Fields[field]);
    }

    private static HttpClient Client(KestrelPayPalFactory shop) =>
        new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(shop.BaseUrl) };

    /// <summary>Transmission headers a forger makes up (PayPal's verification is what they would have to pass).</summary>
    private static Dictionary<string, string> ForgedTransmission(StrangerListener stranger) => new()
    {
        ["PAYPAL-AUTH-ALGO"] = "SHA256withRSA",
        ["PAYPAL-CERT-URL"] = $"http://{stranger.Host}/sandbox/paypal/certs/forged",
        ["PAYPAL-TRANSMISSION-ID"] = Guid.NewGuid().ToString(),
        ["PAYPAL-TRANSMISSION-SIG"] = Convert.ToBase64String(Encoding.ASCII.GetBytes("forged")),
        ["PAYPAL-TRANSMISSION-TIME"] = DateTimeOffset.UtcNow.ToString("O"),
    };
}
