using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.Core;
using Shop.PayModes.Mercanet;
using Shop.PayModes.Mercanet.Sandbox;
using Shop.PayModes.Ogone;
using Shop.PayModes.Ogone.Sandbox;
using Shop.PayModes.SystemPay;
using Shop.PayModes.SystemPay.Sandbox;
using Shop.Tests.Infrastructure;
using Shop.Web.Data;
using static Shop.Tests.PayModes.Providers.ProviderFlow;

namespace Shop.Tests.PayModes.Providers;

/// <summary>
/// Issue 17 finding 1, the sandbox is a separate world: it serves a provider mode only while the shop is in test mode,
/// every provider URL of the mode is empty and nothing in it is a production setting, and there it signs and verifies
/// with sandbox credentials only. So the go-live steps are safe in any order, including the one that was not.
/// </summary>
public sealed partial class SandboxWorldTests
{
    public static TheoryData<string> Providers => ProviderSandboxTests.Providers;

    /// <summary>What the owner enters to go live: the provider's production page, its production context and keys.</summary>
    private static void EnterProductionSettings(PayModeSettings settings, bool withNewKeys)
    {
        switch (settings)
        {
            case MercanetSettings mercanet:
                mercanet.PaymentUrl = "https://payment-webinit.mercanet.bnpparibas.net/paymentInit";
                if (withNewKeys)
                    mercanet.SecretKey = "Mercanet-Production-Key-0001";
                break;
            case SystemPaySettings systempay:
                systempay.PaymentUrl = "https://paiement.systempay.fr/vads-payment/";
                systempay.CtxMode = SystemPayCtxMode.Production;
                if (withNewKeys)
                    systempay.ProductionKey = "SystemPay-Production-Key-0001";
                break;
            case OgoneSettings ogone:
                ogone.PaymentUrl = "https://secure.ogone.com/ncol/prod/orderstandard_utf8.asp";
                if (withNewKeys)
                    (ogone.ShaInPassphrase, ogone.ShaOutPassphrase) = ("Ogone-Production-In-0001", "Ogone-Production-Out-0001");
                break;
        }
    }

    private static Task GoLiveSettingsAsync(ShopFactory shop, string code, bool withNewKeys) => shop.InScopeAsync(async sp =>
    {
        var store = sp.GetRequiredService<IPayModeSettingsStore>();
        var config = await store.GetAsync(code);
        EnterProductionSettings(config.Settings, withNewKeys);
        await store.SaveAsync(config);
        return 0;
    });

    private static Task TurnTestModeOffAsync(ShopFactory shop)
    {
        var settings = shop.Service<ShopSettingsStore>();
        return settings.SaveAsync(settings.Current with { TestMode = false });
    }

    private static Task<PayModeSettings> SettingsAsync(ShopFactory shop, string code) =>
        shop.InScopeAsync(async sp => (await sp.GetRequiredService<IPayModeSettingsStore>().GetAsync(code)).Settings);

    private static Task<BillView> BillViewAsync(ShopFactory shop, string reference) =>
        shop.InScopeAsync(async sp => (await sp.GetRequiredService<IBillGateway>().FindAsync(reference))!);

    private static async Task AssertNothingPaidAsync(ShopFactory shop, HttpClient client, string reference)
    {
        Assert.Equal("PLACED", await StateAsync(client, reference));
        Assert.Equal(0, (await client.BillAsync(reference)).PaidAmount);
        Assert.Equal(0, (await DeliveryCountsAsync(shop, reference)).Deliveries);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Production_settings_in_test_mode_are_not_offered_and_the_send_refuses_with_a_readable_page(string code)
    {
        using var shop = new ProviderShopFactory();
        var client = shop.NoRedirects();
        var order = await client.PlaceAsync(code, ("MUG-001", 1));

        await GoLiveSettingsAsync(shop, code, withNewKeys: true);

        var checkout = await client.PostAsJsonAsync("/api/checkout", ShopApiClient.Order(code, ("MUG-001", 1)));
        Assert.Equal(HttpStatusCode.BadRequest, checkout.StatusCode);
        var send = await client.SendAsync(order);
        var page = await send.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, send.StatusCode);
        Assert.StartsWith("text/html", send.Content.Headers.ContentType?.MediaType);
        Assert.Contains("test mode", page);
        Assert.DoesNotContain("<form", page);
        Assert.DoesNotContain("https://", page);
        await AssertNothingPaidAsync(shop, client, order.Reference);
    }

    /// <summary>
    /// The attack of the issue: test mode on, SystemPay in PRODUCTION with its production key, real payment URLs, and the
    /// shop's own hand-over (signed for the provider with the production settings) posted to the sandbox.
    /// </summary>
    [Theory, MemberData(nameof(Providers))]
    public async Task The_shops_production_signed_hand_over_posted_to_the_sandbox_in_test_mode_pays_nothing(string code)
    {
        using var shop = new ProviderShopFactory();
        var client = shop.NoRedirects();
        var (order, _) = await StartAsync(client, code);
        await GoLiveSettingsAsync(shop, code, withNewKeys: true);
        var bill = await BillViewAsync(shop, order.Reference);
        var handover = ProductionHandover(code, await SettingsAsync(shop, code), bill, bill.LatestAttempt!);

        var page = await client.PostAsync($"/sandbox/{code}/pay", new FormUrlEncodedContent(handover));

        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("does not serve", html);
        Assert.DoesNotContain("/decide/", html);
        await AssertNothingPaidAsync(shop, client, order.Reference);
    }

    /// <summary>What the shop signs for its provider with these settings: the pay mode's own request builder, production context.</summary>
    private static IReadOnlyList<KeyValuePair<string, string>> ProductionHandover(string code, PayModeSettings settings, BillView bill, AttemptView attempt)
    {
        var root = $"http://localhost/paymodes/{code}";
        var request = new ProviderPaymentRequest(bill.Total, bill.Currency, attempt.Reference, bill.Reference,
            new Buyer(bill.CustomerEmail, bill.CustomerFirstName, bill.CustomerLastName),
            new ReturnUrls($"{root}/return?bill={bill.Reference}", $"{root}/cancel?bill={bill.Reference}", $"{root}/notify"),
            PaymentEnvironment.Production, DateTimeOffset.UtcNow);
        return settings switch
        {
            MercanetSettings mercanet => MercanetRequestBuilder.Build(mercanet.Account(), request),
            SystemPaySettings systempay => SystemPayRequestBuilder.Build(systempay.Account(), request, attempt.ProviderReference.Split(':')[1]),
            OgoneSettings ogone => OgoneRequestBuilder.Build(ogone.Account(), request),
            _ => throw new ArgumentOutOfRangeException(nameof(settings)),
        };
    }

    public static TheoryData<string, bool> GoLiveOrders()
    {
        var data = new TheoryData<string, bool>();
        foreach (var code in new[] { "mercanet", "systempay", "ogone" })
        {
            data.Add(code, true);
            data.Add(code, false);
        }
        return data;
    }

    /// <summary>
    /// The go-live order the README used to give, which was unsafe: the real keys entered first, a rehearsal in the
    /// sandbox that "pays with late notification", then the production URLs (and SystemPay's PRODUCTION mode) and
    /// test mode off. The signed "paid" fields the rehearsal handed the buyer pay nothing when replayed afterwards,
    /// nor does the sandbox deliver its held notification any more.
    /// </summary>
    [Theory, MemberData(nameof(GoLiveOrders))]
    public async Task A_notification_held_back_in_a_sandbox_rehearsal_pays_nothing_after_going_live(string code, bool testModeOff)
    {
        using var shop = new ProviderShopFactory();
        var client = shop.NoRedirects();
        var (order, request) = await StartAsync(client, code);
        var page = await client.PostAsync(PathOf(request.Action), request.Content());
        var decide = Form(await page.Content.ReadAsStringAsync()).Action;
        var held = await client.PostAsync(decide, new FormUrlEncodedContent([new("decision", "paylate")]));
        var signedPaid = HeldFields(await held.Content.ReadAsStringAsync());
        Assert.Equal("PLACED", await StateAsync(client, order.Reference));

        await GoLiveSettingsAsync(shop, code, withNewKeys: false);
        if (testModeOff)
            await TurnTestModeOffAsync(shop);

        var replayed = await NotifyAsync(client, code, signedPaid);
        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
        var redelivered = await client.PostAsync(decide.Replace("/decide/", "/deliver/", StringComparison.Ordinal), null);
        Assert.Equal(testModeOff ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden, redelivered.StatusCode);
        await AssertNothingPaidAsync(shop, client, order.Reference);
        Assert.False((await BillRowAsync(shop, order.Reference)).Flagged);
        Assert.Equal(1, await JournalCountAsync(shop, code, NotificationVerdict.BadSignature));
    }

    [Fact]
    public async Task Admins_see_on_the_pay_modes_page_why_a_production_configuration_is_not_offered_in_test_mode()
    {
        using var shop = new ProviderShopFactory();
        await shop.EnsureUsersAsync();
        await GoLiveSettingsAsync(shop, "systempay", withNewKeys: true);
        var admin = await shop.SignedInAsync(AdminHelpers.AdminEmail, AdminHelpers.AdminPassword);

        var html = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/paymodes"));

        Assert.Contains("paymode-world-refusal-systempay", html);
        Assert.Contains("(vads_ctx_mode) is PRODUCTION", html);
        Assert.DoesNotContain("paymode-world-refusal-mercanet", html);
    }

    /// <summary>The signed fields of the browser return on the sandbox's "held back" page: a link (Systempay, Ogone) or a form (Mercanet).</summary>
    private static string HeldFields(string html)
    {
        if (ReturnLink().Match(html) is { Success: true } link)
        {
            var query = new Uri(WebUtility.HtmlDecode(link.Groups["href"].Value)).Query.TrimStart('?');
            return IProviderMessages.Encode(FormBody.Parse(query).Where(f => f.Key != ProviderLinks.BillParameter));
        }
        return IProviderMessages.Encode(Form(html).Fields);
    }

    [GeneratedRegex("<a id=\"sandbox-return\"[^>]*href=\"(?<href>[^\"]*)\"")]
    private static partial Regex ReturnLink();
}

/// <summary>In the sandbox world the shop signs and verifies with the sandbox credentials, never with a configured key.</summary>
public sealed class SandboxCredentialsTests(ProviderShopFactory shop) : IClassFixture<ProviderShopFactory>
{
    public static TheoryData<string> Providers => ProviderSandboxTests.Providers;

    private readonly HttpClient _client = shop.NoRedirects();

    /// <summary>Whether the hand-over's signature is the one <paramref name="key"/> gives (checked with the sandbox's own signers).</summary>
    private static bool SignedWith(string code, IReadOnlyDictionary<string, string> form, string key) => code switch
    {
        "mercanet" => MercanetSandboxSigner.Seal(form["Data"], key, hmac: true) == form["Seal"],
        "systempay" => SystemPaySandboxSigner.Sign(form.Where(f => f.Key != "signature"), key, hmac: true) == form["signature"],
        _ => OgoneSandboxSigner.Sign(form.Where(f => f.Key != "SHASIGN"), key, shaOut: false, "SHA-1") == form["SHASIGN"],
    };

    private static string ConfiguredKey(string code) => code switch
    {
        "mercanet" => ProviderAccounts.MercanetKey,
        "systempay" => ProviderAccounts.SystemPayTestKey,
        _ => ProviderAccounts.OgoneShaIn,
    };

    private string SandboxKey(string code) => shop.Service<Shop.PayModes.Core.Sandbox.SandboxCredentials>().For(code, code switch
    {
        "mercanet" => nameof(MercanetSettings.SecretKey),
        "systempay" => nameof(SystemPaySettings.TestKey),
        _ => nameof(OgoneSettings.ShaInPassphrase),
    });

    [Theory, MemberData(nameof(Providers))]
    public async Task The_hand_over_is_signed_with_the_sandbox_credentials_not_the_configured_key(string code)
    {
        var (_, request) = await StartAsync(_client, code);

        Assert.EndsWith($"/sandbox/{code}/pay", request.Action);
        Assert.False(SignedWith(code, request.Fields, ConfiguredKey(code)), "the sandbox world signed with the configured key");
        Assert.True(SignedWith(code, request.Fields, SandboxKey(code)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_notification_or_return_signed_with_the_configured_key_is_refused_in_the_sandbox_world(string code)
    {
        var (order, request) = await StartAsync(_client, code);
        var configured = IProviderMessages.Configured(code).Build(request.Fields, new(ProviderStatus.Paid));

        Assert.Equal(HttpStatusCode.BadRequest, (await NotifyAsync(_client, code, configured)).StatusCode);
        var back = await _client.PostAsync($"/paymodes/{code}/return?bill={order.Reference}",
            new StringContent(configured, System.Text.Encoding.UTF8, FormContentType));
        Assert.Equal(HttpStatusCode.BadRequest, back.StatusCode);
        Assert.Contains("Payment not confirmed", await back.Content.ReadAsStringAsync());
        Assert.Equal("PLACED", await StateAsync(_client, order.Reference));
    }
}

/// <summary>The three providers in test mode on their test platforms (URLs set, nothing production).</summary>
public sealed class TestPlatformShopFactory() : ProviderShopFactory(Platforms())
{
    private static Dictionary<string, string?> Platforms()
    {
        var settings = ProviderAccounts.Settings();
        settings["PayModes:mercanet:PaymentUrl"] = "https://payment-webinit.simu.mercanet.bnpparibas.net/paymentInit";
        settings["PayModes:systempay:PaymentUrl"] = "https://paiement.systempay.fr/vads-payment/";
        settings["PayModes:ogone:PaymentUrl"] = "https://ogone.test.v-psp.com/ncol/test/orderstandard_utf8.asp";
        return settings;
    }
}

/// <summary>A mode with a provider URL is in the provider's world, even in test mode: the sandbox does not serve it.</summary>
public sealed class ProviderTestPlatformTests(TestPlatformShopFactory shop) : IClassFixture<TestPlatformShopFactory>
{
    public static TheoryData<string> Providers => ProviderSandboxTests.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task The_hand_over_goes_to_the_test_platform_and_the_sandbox_refuses_it_with_a_403_page(string code)
    {
        var client = shop.NoRedirects();
        var (order, request) = await StartAsync(client, code);
        Assert.StartsWith("https://", request.Action);

        var page = await client.PostAsync($"/sandbox/{code}/pay", request.Content());
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("id=\"sandbox-error\"", html);
        Assert.Contains("does not serve", html);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/sandbox/{code}/deliver/0123456789abcdef01234567", null)).StatusCode);
        Assert.Equal("PLACED", await StateAsync(client, order.Reference));
    }
}
