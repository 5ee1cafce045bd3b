using System.Net;
using Shop.PayModes.Core.Sandbox;
using Shop.PayModes.Mercanet;
using Shop.PayModes.Mercanet.Sandbox;
using Shop.PayModes.Ogone;
using Shop.PayModes.Ogone.Sandbox;
using Shop.PayModes.SystemPay;
using Shop.PayModes.SystemPay.Sandbox;
using Shop.Tests.Infrastructure;
using static Shop.Tests.PayModes.Providers.ProviderFlow;

namespace Shop.Tests.PayModes.Providers;

/// <summary>
/// Issue 17 finding 9 for the shared bank sandbox: a payment request, even one correctly signed, whose return, decline,
/// cancel or notification address is not one of the pay mode's own endpoints on the shop gets a 400 sandbox page; the
/// sandbox never shows its payment page for it, so it redirects and posts nothing.
/// </summary>
public sealed class SandboxTargetTests(ProviderShopFactory shop) : IClassFixture<ProviderShopFactory>
{
    private readonly HttpClient _client = shop.NoRedirects();

    /// <summary>Addresses that are not the shop's: another host, look-alikes, user info, another path of the shop, dot segments.</summary>
    public static readonly string[] Foreign =
    [
        "http://evil.example/paymodes/{code}/notify",
        "https://localhost/paymodes/{code}/notify",
        "http://localhost:8081/paymodes/{code}/notify",
        "http://localhost.evil.example/paymodes/{code}/notify",
        "http://localhost@evil.example/paymodes/{code}/notify",
        "http://localhost/admin",
        "http://localhost/paymodes/test/notify",
        "http://localhost/paymodes/{code}/../../account/logout",
        "http://localhost/paymodes/{code}/%2e%2e/%2e%2e/admin",
        "/paymodes/{code}/notify",
    ];

    /// <summary>Each provider's address fields the sandbox would send the buyer or its notification to.</summary>
    public static TheoryData<string, string, string> Targets()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (code, field) in new[]
        {
            ("mercanet", "normalReturnUrl"), ("mercanet", "automaticResponseUrl"),
            ("systempay", "vads_url_return"), ("systempay", "vads_url_check"), ("systempay", "vads_url_cancel"),
            ("systempay", "vads_url_success"), ("systempay", "vads_url_refused"),
            ("ogone", "ACCEPTURL"), ("ogone", "DECLINEURL"), ("ogone", "CANCELURL"),
        })
            foreach (var url in Foreign)
                data.Add(code, field, url.Replace("{code}", code, StringComparison.Ordinal));
        return data;
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task A_signed_request_naming_an_address_outside_the_shop_gets_a_400_page_and_nothing_else(string code, string field, string url)
    {
        var (order, request) = await StartAsync(_client, code);

        var page = await _client.PostAsync($"/sandbox/{code}/pay", new FormUrlEncodedContent(Resigned(code, request.Fields, field, url)));

        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("id=\"sandbox-error\"", html);
        Assert.Contains("outside this shop", html);
        Assert.DoesNotContain("/decide/", html);
        Assert.Equal("PLACED", await StateAsync(_client, order.Reference));
    }

    [Theory, MemberData(nameof(ProviderSandboxTests.Providers), MemberType = typeof(ProviderSandboxTests))]
    public async Task The_shops_own_request_re_signed_unchanged_is_still_served(string code)
    {
        var (_, request) = await StartAsync(_client, code);
        var own = code switch { "mercanet" => "normalReturnUrl", "systempay" => "vads_url_check", _ => "ACCEPTURL" };
        var unchanged = code == "mercanet" ? MercanetData.Split(request.Fields["Data"])[own] : request.Fields[own];

        var page = await _client.PostAsync($"/sandbox/{code}/pay", new FormUrlEncodedContent(Resigned(code, request.Fields, own, unchanged)));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    /// <summary>The shop's own request with <paramref name="field"/> set to <paramref name="url"/>, signed again with the sandbox credentials.</summary>
    private IReadOnlyList<KeyValuePair<string, string>> Resigned(string code, IReadOnlyDictionary<string, string> sent, string field, string url)
    {
        var credentials = shop.Service<SandboxCredentials>();
        var fields = sent.ToDictionary();
        switch (code)
        {
            case "mercanet":
                var data = MercanetData.Split(fields["Data"]).ToDictionary();
                data[field] = url;
                fields["Data"] = MercanetSandboxSigner.Data(data.Select(d => (d.Key, d.Value)));
                fields["Seal"] = MercanetSandboxSigner.Seal(fields["Data"], credentials.For(code, nameof(MercanetSettings.SecretKey)), hmac: true);
                break;
            case "systempay":
                fields[field] = url;
                fields.Remove("signature");
                fields["signature"] = SystemPaySandboxSigner.Sign(fields, credentials.For(code, nameof(SystemPaySettings.TestKey)), hmac: true);
                break;
            default:
                fields[field] = url;
                fields.Remove("SHASIGN");
                fields["SHASIGN"] = OgoneSandboxSigner.Sign(fields, credentials.For(code, nameof(OgoneSettings.ShaInPassphrase)), shaOut: false, "SHA-1");
                break;
        }
        return [.. fields];
    }
}
