using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes;
using Shop.PayModes.Core;
using Shop.PayModes.Core.SignatureLab;
using Shop.Tests.Infrastructure;
using Shop.Tests.PayModes.Core.SignatureLab;
using Shop.Web.Components.Admin;

namespace Shop.Tests.Admin;

/// <summary>The admin signature lab on the published vectors of docs/providers/README.md.</summary>
public sealed class SignatureLabPageTests : MudTestContext
{
    private const string MercanetLegacySeal = "65421e720d149e8a79bdc9a29f6c462ed199b78f32e558c6c5fc15f0084e5384";
    private const string SystemPayHmac = "ycA5Do5tNvsnKdc/eP1bj2xa19z9q3iWPy9/rpesfS0=";
    private const string OgoneShaOut = "209113288F93A9AB8E474EA78D899AFDBB874355";

    private IRenderedComponent<SignatureLabPage> RenderLab(string provider)
    {
        Services.AddBuiltInPayModes();
        Interactive();
        var cut = Render<SignatureLabPage>();
        cut.Find($".provider-{provider}").Click();
        return cut;
    }

    private static void LoadExampleAndCheck(IRenderedComponent<SignatureLabPage> cut, string key)
    {
        cut.Find(".lab-load-example").Click();
        cut.Find(".lab-key input").Change(key);
        cut.Find(".lab-analyze").Click();
    }

    private static string Verdict(IRenderedComponent<SignatureLabPage> cut) => cut.Find(".lab-verdict").GetAttribute("data-verdict")!;

    [Fact]
    public void Mercanet_legacy_sha256_vector_is_valid_with_the_published_seal_and_the_key_masked()
    {
        var cut = RenderLab("mercanet");
        LoadExampleAndCheck(cut, "002001000000001_KEY1");

        cut.WaitForAssertion(() => Assert.Equal("valid", Verdict(cut)));
        Assert.Equal(MercanetLegacySeal, cut.Find(".lab-signature").TextContent);
        Assert.EndsWith("keyVersion=1***", cut.Find(".lab-string-to-sign").TextContent);
        Assert.DoesNotContain("002001000000001_KEY1", cut.Find(".lab-result").TextContent);
        Assert.Empty(cut.FindAll(".lab-error"));
    }

    [Fact]
    public void Mercanet_tampered_data_is_invalid()
    {
        var cut = RenderLab("mercanet");
        cut.Find(".lab-load-example").Click();
        var body = cut.Find(".lab-body textarea").GetAttribute("value") ?? cut.Find(".lab-body textarea").TextContent;
        cut.Find(".lab-body textarea").Change(body.Replace("amount%3D1234", "amount%3D9999", StringComparison.Ordinal));
        cut.Find(".lab-key input").Change("002001000000001_KEY1");
        cut.Find(".lab-analyze").Click();

        cut.WaitForAssertion(() => Assert.Equal("invalid", Verdict(cut)));
        Assert.NotEqual(MercanetLegacySeal, cut.Find(".lab-signature").TextContent);
    }

    [Fact]
    public void SystemPay_hmac_vector_is_valid_and_a_wrong_key_is_invalid()
    {
        var cut = RenderLab("systempay");
        LoadExampleAndCheck(cut, "1122334455667788");

        cut.WaitForAssertion(() => Assert.Equal("valid", Verdict(cut)));
        Assert.Equal(SystemPayHmac, cut.Find(".lab-signature").TextContent);
        Assert.Equal("INTERACTIVE+5124+TEST+978+PAYMENT+SINGLE+12345678+20170129130025+123456+V2+***", cut.Find(".lab-string-to-sign").TextContent);

        cut.Find(".lab-key input").Change("1122334455667789");
        cut.Find(".lab-analyze").Click();
        cut.WaitForAssertion(() => Assert.Equal("invalid", Verdict(cut)));
    }

    [Fact]
    public void Ogone_sha_out_vector_is_valid_and_a_tampered_status_is_invalid()
    {
        var cut = RenderLab("ogone");
        LoadExampleAndCheck(cut, "Mysecretsig1875!?");

        cut.WaitForAssertion(() => Assert.Equal("valid", Verdict(cut)));
        Assert.Equal(OgoneShaOut, cut.Find(".lab-signature").TextContent);

        var body = cut.Find(".lab-body textarea").GetAttribute("value") ?? cut.Find(".lab-body textarea").TextContent;
        cut.Find(".lab-body textarea").Change(body.Replace("STATUS=9", "STATUS=5", StringComparison.Ordinal));
        cut.Find(".lab-analyze").Click();
        cut.WaitForAssertion(() => Assert.Equal("invalid", Verdict(cut)));
    }

    [Fact]
    public void A_message_without_a_signature_says_so()
    {
        var cut = RenderLab("ogone");
        cut.Find(".lab-body textarea").Change("ORDERID=1234&AMOUNT=1500");
        cut.Find(".lab-key input").Change("Mysecretsig1875!?");
        cut.Find(".lab-analyze").Click();

        cut.WaitForAssertion(() => Assert.Equal("no signature in the message", Verdict(cut)));
    }

    [Fact]
    public void Malformed_body_shows_the_lab_error_and_no_result()
    {
        var cut = RenderLab("mercanet");
        cut.Find(".lab-body textarea").Change("Data=amount%3D12%ZZ&Seal=abc");
        cut.Find(".lab-key input").Change("002001000000001_KEY1");
        cut.Find(".lab-analyze").Click();

        cut.WaitForAssertion(() => Assert.Contains("malformed body", cut.Find(".lab-error").TextContent));
        Assert.Empty(cut.FindAll(".lab-result"));

        cut.Find(".lab-body textarea").Change("Seal=abc");
        cut.Find(".lab-analyze").Click();
        cut.WaitForAssertion(() => Assert.Contains("body has no Data field", cut.Find(".lab-error").TextContent));
    }

    [Fact]
    public void The_published_example_loads_its_public_key_too_still_masked_and_shown_as_a_hint()
    {
        var cut = RenderLab("systempay");
        cut.Find(".lab-load-example").Click();

        Assert.Equal("1122334455667788", cut.Find(".lab-key input").GetAttribute("value"));
        Assert.Equal("password", cut.Find(".lab-key input").GetAttribute("type"));
        Assert.Contains("1122334455667788", cut.Find(".lab-key").TextContent);
        cut.Find(".lab-analyze").Click();
        cut.WaitForAssertion(() => Assert.Equal("valid", Verdict(cut)));
        Assert.DoesNotContain("1122334455667788", cut.Find(".lab-result").TextContent);
    }

    [Fact]
    public void Without_a_key_the_lab_asks_for_one()
    {
        var cut = RenderLab("ogone");
        cut.Find(".lab-body textarea").Change("ORDERID=1234&AMOUNT=1500");
        cut.Find(".lab-analyze").Click();

        cut.WaitForAssertion(() => Assert.Contains("Type the key", cut.Find(".lab-error").TextContent));
    }

    [Fact]
    public void The_page_offers_the_providers_the_pay_modes_register_and_the_command_line_finds_the_same()
    {
        Services.AddBuiltInPayModes();
        Interactive();
        var cut = Render<SignatureLabPage>();

        var onPage = cut.FindAll(".lab-provider").Select(b => b.TextContent.Trim()).ToList();
        Assert.Equal(Services.GetServices<ISignatureLabProvider>().Select(p => p.Code), onPage);
        Assert.Equal(BuiltInLabs.Providers.Select(p => p.Code), onPage);
        Assert.All(onPage, code => Assert.NotNull(Services.GetRequiredService<PayModeRegistry>().Find(code)));
    }

    [Fact]
    public void The_page_shows_what_a_provider_declares_and_passes_its_headers()
    {
        var lab = new HeaderLab();
        Services.AddSingleton<ISignatureLabProvider>(lab);
        Interactive();
        var cut = Render<SignatureLabPage>();

        Assert.Empty(cut.FindAll(".lab-direction"));
        Assert.Equal("{\"id\":...}", cut.Find(".lab-body textarea").GetAttribute("placeholder"));
        Assert.Contains("Raw message (application/json)", cut.Find(".lab-body").TextContent);
        cut.Find(".lab-body textarea").Change("{\"id\":1}");
        cut.Find(".lab-key input").Change("k");
        cut.Find($".lab-header-{HeaderLab.Header} input").Change("computed");
        cut.Find(".lab-analyze").Click();

        cut.WaitForAssertion(() => Assert.Equal("valid", Verdict(cut)));
        Assert.Equal("computed", lab.Received!.Headers[HeaderLab.Header]);
    }

    [Fact]
    public void Only_a_provider_that_declares_directions_gets_the_direction_choice()
    {
        var cut = RenderLab("ogone");
        Assert.NotEmpty(cut.FindAll(".lab-direction"));

        cut.Find(".provider-mercanet").Click();
        Assert.Empty(cut.FindAll(".lab-direction"));
    }
}
