using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.Core;
using Shop.PayModes.PayPal;

namespace Shop.Tests.PayModes.PayPal;

/// <summary>PayPal's self-check: the settings of the chosen integration, never a secret.</summary>
public sealed class PayPalSelfCheckTests
{
    private const string Secret = "EOaTQ-S3cr3t-PayPal-9876";

    private static ShopSettings Shop(bool testMode) => new("Test Shop", "EUR", TestMode: testMode, TestOverride: false, PublicBaseUrl: null);

    private static PayPalSettings Orders() => new()
    {
        Integration = PayPalSettings.Orders, ClientId = "AbCdEf-client", ClientSecret = Secret, WebhookId = "WH-1A2B3C",
    };

    private static PayPalSettings Standard() => new() { Integration = PayPalSettings.Standard, Business = "merchant@shop.example" };

    private static SelfCheckResult Run(PayPalSettings settings, bool testMode = true) => new PayPalPayMode().Run(settings, Shop(testMode));

    private static SelfCheckLine Line(SelfCheckResult result, string check) => Assert.Single(result.Lines, l => l.Check == check);

    private static string Failures(SelfCheckResult result) => string.Join("; ", result.Lines.Where(l => !l.Ok).Select(l => $"{l.Check}: {l.Detail}"));

    [Fact]
    public void Orders_with_good_settings_passes_on_the_sandbox_and_never_shows_the_secret()
    {
        var result = Run(Orders());

        Assert.True(result.Ok, Failures(result));
        Assert.Equal("set", Line(result, "REST client secret").Detail);
        Assert.Contains("sandbox", Line(result, PayPalSelfCheck.ApiBaseUrl).Detail);
        Assert.All(result.Lines, l => Assert.DoesNotContain(Secret[..8], l.Check + l.Detail, StringComparison.Ordinal));
        Assert.DoesNotContain(result.Lines, l => l.Check == PayPalSelfCheck.IpnVerifyUrl);
    }

    [Theory]
    [InlineData("REST client id")]
    [InlineData("REST client secret")]
    [InlineData("Webhook id")]
    public void Orders_reports_what_is_missing(string check)
    {
        var settings = Orders();
        switch (check)
        {
            case "REST client id": settings.ClientId = ""; break;
            case "REST client secret": settings.ClientSecret = null; break;
            default: settings.WebhookId = " "; break;
        }

        var result = Run(settings);

        Assert.False(result.Ok);
        Assert.Equal("missing", Line(result, check).Detail);
        Assert.Single(result.Lines, l => !l.Ok);
    }

    [Theory]
    [InlineData("", true, true)]
    [InlineData("", false, true)]
    [InlineData("https://api-m.sandbox.paypal.com", false, true)]
    [InlineData("http://api-m.paypal.com", false, false)]
    [InlineData("api-m.paypal.com", true, false)]
    [InlineData("http://127.0.0.1:5000/sandbox/paypal", true, false)]
    [InlineData("https://shop.example/sandbox/paypal/", false, false)]
    public void Orders_API_base_URL_is_absolute_https_or_empty_never_the_built_in_sandbox(string url, bool testMode, bool ok)
    {
        var settings = Orders();
        settings.ApiBaseUrl = url;

        var line = Line(Run(settings, testMode), PayPalSelfCheck.ApiBaseUrl);

        Assert.True(line.Ok == ok, line.Detail);
    }

    [Fact]
    public void Empty_API_base_URL_outside_test_mode_names_the_live_API()
    {
        var line = Line(Run(Orders(), testMode: false), PayPalSelfCheck.ApiBaseUrl);

        Assert.True(line.Ok);
        Assert.Contains(PayPalUrls.LiveApi, line.Detail);
    }

    [Fact]
    public void Standard_checks_the_receiver_and_its_two_URLs_not_the_REST_app()
    {
        var result = Run(Standard());

        Assert.True(result.Ok, Failures(result));
        Assert.Equal(["Integration", "Business (receiver e-mail or id)", PayPalSelfCheck.PaymentUrl, PayPalSelfCheck.IpnVerifyUrl, SelfChecks.WorldCheck],
            result.Lines.Select(l => l.Check));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("merchant@shop.example", true)]
    [InlineData("S8XGHLYDW9T3S", true)]
    [InlineData("merchant @shop.example", false)]
    [InlineData("merchant@", false)]
    public void Standard_needs_a_receiver_e_mail_or_id(string? business, bool ok)
    {
        var settings = Standard();
        settings.Business = business;

        Assert.Equal(ok, Line(Run(settings), "Business (receiver e-mail or id)").Ok);
    }

    [Theory]
    [InlineData(PayPalSelfCheck.PaymentUrl, "http://www.sandbox.paypal.com/cgi-bin/webscr", false)]
    [InlineData(PayPalSelfCheck.PaymentUrl, "https://www.sandbox.paypal.com/cgi-bin/webscr", true)]
    [InlineData(PayPalSelfCheck.IpnVerifyUrl, "/cgi-bin/webscr", false)]
    [InlineData(PayPalSelfCheck.IpnVerifyUrl, "https://ipnpb.sandbox.paypal.com/cgi-bin/webscr", true)]
    [InlineData(PayPalSelfCheck.IpnVerifyUrl, "http://localhost/sandbox/paypal/ipn", false)]
    public void Standard_form_and_IPN_URLs_are_absolute_https_never_the_built_in_sandbox(string check, string url, bool ok)
    {
        var settings = Standard();
        if (check == PayPalSelfCheck.PaymentUrl)
            settings.PaymentUrl = url;
        else
            settings.IpnVerifyUrl = url;

        var line = Line(Run(settings), check);

        Assert.True(line.Ok == ok, line.Detail);
    }

    [Fact]
    public void The_registered_PayPal_mode_offers_the_self_check()
    {
        var services = new ServiceCollection();
        services.AddPayMode<PayPalPayMode>();
        using var provider = services.BuildServiceProvider();

        var mode = Assert.Single(provider.GetServices<IPayMode>().OfType<IPayModeSelfCheck>());

        Assert.True(mode.Run(Orders(), Shop(testMode: true)).Ok);
        Assert.False(mode.Run(new Shop.PayModes.Mercanet.MercanetSettings(), Shop(testMode: true)).Ok);
    }
}
