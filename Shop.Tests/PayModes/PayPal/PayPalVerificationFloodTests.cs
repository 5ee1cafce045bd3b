using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.PayPal;
using Shop.Tests.Infrastructure;

namespace Shop.Tests.PayModes.PayPal;

/// <summary>The sandbox, except that PayPal's webhook verification answers 503 to everything (an outage, or throttling).</summary>
public sealed class VerificationDownFactory() : PayPalFactory(PayPalSettings.Orders)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            foreach (var name in PayPalHttp.All)
                services.AddHttpClient(name).ConfigurePrimaryHttpMessageHandler(() => new FailVerification { InnerHandler = Server.CreateHandler() });
        });
    }

    private sealed class FailVerification : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct) =>
            request.RequestUri!.AbsolutePath.EndsWith("/verify-webhook-signature", StringComparison.Ordinal)
                ? Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable))
                : base.SendAsync(request, ct);
    }
}

/// <summary>
/// Finding 2 of issue 17: 150 forged webhooks tripped the one PayPal circuit breaker, and real buyers got 503 for
/// about 20 s. Verifying what anonymous senders post now runs on its own resilience pipeline.
/// </summary>
public sealed class PayPalVerificationFloodTests(VerificationDownFactory shop) : IClassFixture<VerificationDownFactory>
{
    [Fact]
    public async Task A_flood_of_forged_webhooks_whose_verification_fails_leaves_a_buyers_hand_over_working()
    {
        var client = shop.NoRedirects();
        var answers = new List<HttpStatusCode>();
        foreach (var batch in Enumerable.Range(0, 60).Chunk(10))
            answers.AddRange(await Task.WhenAll(batch.Select(async _ => (await client.SendAsync(ForgedWebhook())).StatusCode)));

        var order = await client.PlaceAsync("paypal", ("MUG-001", 1));
        var send = await client.SendAsync(order);

        Assert.All(answers, status => Assert.InRange((int)status, 400, 499));   // refused for PayPal to resend later, never a 5xx
        Assert.True(send.StatusCode == HttpStatusCode.Redirect, $"the hand-over answered {(int)send.StatusCode}");
        Assert.Equal("/sandbox/paypal/checkoutnow", send.Headers.Location!.AbsolutePath);
    }

    private static HttpRequestMessage ForgedWebhook()
    {
        var body = PayPalOrdersHttpTests.CaptureEvent("no-such-attempt-" + Guid.NewGuid().ToString("N"), "PAYMENT.CAPTURE.COMPLETED", "14.99");
        var request = new HttpRequestMessage(HttpMethod.Post, "/paymodes/paypal/notify") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var name in new[] { "PAYPAL-AUTH-ALGO", "PAYPAL-CERT-URL", "PAYPAL-TRANSMISSION-ID", "PAYPAL-TRANSMISSION-SIG", "PAYPAL-TRANSMISSION-TIME" })
            request.Headers.TryAddWithoutValidation(name, "forged");
        return request;
    }
}
