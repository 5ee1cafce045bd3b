using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.Core;
using Shop.PayModes.Core.Sandbox;
using Shop.Tests.Conformance;
using Shop.Tests.Infrastructure;
using Shop.Tests.PayModes.Providers;
using Shop.Web.Admin;
using Shop.Web.Data;
using Shop.Web.Hosting;

namespace Shop.Tests.Admin;

/// <summary>
/// The vault mode and every provider mode configured with secrets of its own (not the published example keys, which
/// the signature lab shows on purpose), in test mode on the built-in sandboxes, so each answer of the shop can be
/// searched for them. The sandbox's notifications go through the test server's handler.
/// </summary>
public sealed class AdminAccessFactory() : VaultShopFactory(Settings)
{
    private const string MercanetKey = "Mercanet-Access-Key-7f3c9a";
    private const string SystemPayTestKey = "SystemPay-Access-Test-41d2e8";
    private const string SystemPayProductionKey = "SystemPay-Access-Prod-93b7c0";
    private const string OgoneShaIn = "Ogone-Access-In-5e6f1d";
    private const string OgoneShaOut = "Ogone-Access-Out-2a9c44";
    private const string PayPalClientSecret = "PayPal-Access-Secret-Zq81Lw";

    /// <summary>What no answer may show: every secret the shop holds.</summary>
    public static readonly string[] Secrets =
        [VaultPayMode.SecretValue, MercanetKey, SystemPayTestKey, SystemPayProductionKey, OgoneShaIn, OgoneShaOut, PayPalClientSecret];

    private static Dictionary<string, string?> Settings => new(ProviderAccounts.Settings())
    {
        ["PayModes:mercanet:SecretKey"] = MercanetKey,
        ["PayModes:systempay:TestKey"] = SystemPayTestKey,
        ["PayModes:systempay:ProductionKey"] = SystemPayProductionKey,
        ["PayModes:ogone:ShaInPassphrase"] = OgoneShaIn,
        ["PayModes:ogone:ShaOutPassphrase"] = OgoneShaOut,
        ["PayModes:paypal:Enabled"] = "true",
        ["PayModes:paypal:ClientId"] = "paypal-access-client",
        ["PayModes:paypal:ClientSecret"] = PayPalClientSecret,
        ["PayModes:paypal:WebhookId"] = "WH-ACCESS-0001",
        ["PayModes:paypal:Business"] = "merchant@shop.example",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddHttpClient(SandboxNotifier.ClientName)
            .ConfigurePrimaryHttpMessageHandler(() => Server.CreateHandler()));
    }
}

/// <summary>Who may reach <c>/admin</c> and the admin API, over HTTP, against the real app.</summary>
public sealed class AdminAccessTests(AdminAccessFactory shop) : IClassFixture<AdminAccessFactory>, IAsyncLifetime
{
    /// <summary>The admin pages, with the settings page of every mode the shop registers (a new mode is covered without an entry here).</summary>
    private static readonly string[] PagePaths =
    [
        "/admin", "/admin/bills", "/admin/bills/NoSuchBill", "/admin/paymodes",
        .. RegisteredPayModes.Of<AdminAccessFactory>().Select(code => $"/admin/paymodes/{code}"),
        "/admin/trace", "/admin/settings", "/admin/signature-lab", "/admin/products",
    ];

    private static readonly string[] ApiPaths = ["/admin/api/paymodes", "/admin/api/bills", "/admin/api/bills/NoSuchBill/trace", "/admin/api/products"];

    public static TheoryData<string> Pages => Data(PagePaths);

    public static TheoryData<string> Apis => Data(ApiPaths);

    private static TheoryData<string> Data(IEnumerable<string> paths)
    {
        var data = new TheoryData<string>();
        foreach (var path in paths)
            data.Add(path);
        return data;
    }

    public async Task InitializeAsync()
    {
        await shop.EnsureUsersAsync();
        await shop.InScopeAsync(async sp =>
        {
            var settings = sp.GetRequiredService<IPayModeSettingsStore>();
            var config = await settings.GetAsync("vault");
            await settings.SaveAsync(config with { Enabled = true, Settings = new VaultSettings { AccountId = "acct-42", ApiKey = VaultPayMode.SecretValue } });
            // Every secret the store holds, of whichever registered mode: a new mode's is searched for without an entry here.
            _secrets = [.. AdminAccessFactory.Secrets.Union((await settings.GetAllAsync())
                .SelectMany(c => PayModeSecrets.Of(c.Settings.GetType()).Select(p => (string?)p.GetValue(c.Settings)))
                .OfType<string>().Where(secret => secret.Length > 0))];
            return 0;
        });
    }

    private string[] _secrets = AdminAccessFactory.Secrets;

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Neither the body (as sent, and HTML-decoded) nor a header of <paramref name="response"/> holds a secret.</summary>
    private async Task AssertNoSecretAsync(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        var seen = $"{response.Headers}\n{response.Content.Headers}\n{body}\n{WebUtility.HtmlDecode(body)}";
        foreach (var secret in _secrets)
            Assert.False(seen.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{what} ({(int)response.StatusCode}) shows the secret {secret}");
    }

    [Theory, MemberData(nameof(Pages))]
    public async Task Anonymous_visitor_is_sent_to_the_login_page(string path)
    {
        var response = await shop.Client().GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
        Assert.Contains(Uri.EscapeDataString(path), response.Headers.Location!.Query);
    }

    [Theory, MemberData(nameof(Apis))]
    public async Task Anonymous_script_gets_401_from_the_admin_api(string path) =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await shop.Client().GetAsync(path)).StatusCode);

    [Theory, MemberData(nameof(Pages))]
    public async Task Signed_in_user_without_the_Admin_role_gets_403_and_a_page_saying_who_they_are(string path)
    {
        var clerk = await shop.SignedInAsync(AdminHelpers.ClerkEmail, AdminHelpers.ClerkPassword);
        var response = await clerk.GetAsync(path);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("<title>Access denied · ", page);   // the tab names the shop too
        Assert.Contains(AdminHelpers.ClerkEmail, page);
        Assert.Contains("not an administrator", page);
        Assert.Contains("action=\"/account/logout\"", page);
        Assert.Contains("href=\"/\"", page);
        Assert.Contains("MudBlazor.min", page);   // a styled page, not bare text
    }

    [Fact]
    public async Task Signed_in_user_without_the_Admin_role_can_sign_out_from_the_403_page()
    {
        var clerk = await shop.SignedInAsync(AdminHelpers.ClerkEmail, AdminHelpers.ClerkPassword);
        var denied = await clerk.GetAsync("/admin/bills");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        var token = AdminHelpers.AntiforgeryToken(await denied.Content.ReadAsStringAsync());
        var logout = await clerk.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.StartsWith("/account/login", (await clerk.GetAsync("/admin/bills")).Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_access_denied_address_itself_answers_403()
    {
        var clerk = await shop.SignedInAsync(AdminHelpers.ClerkEmail, AdminHelpers.ClerkPassword);
        var response = await clerk.GetAsync("/account/denied");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(AdminHelpers.ClerkEmail, await response.Content.ReadAsStringAsync());
    }

    [Theory, MemberData(nameof(Apis))]
    public async Task Signed_in_user_without_the_Admin_role_gets_403_from_the_admin_api(string path)
    {
        var clerk = await shop.SignedInAsync(AdminHelpers.ClerkEmail, AdminHelpers.ClerkPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Admin_reaches_every_page_and_api_and_no_answer_carries_a_secret_in_clear()
    {
        var admin = await shop.SignedInAsync(AdminHelpers.AdminEmail, AdminHelpers.AdminPassword);

        foreach (var path in PagePaths.Concat(ApiPaths))
        {
            var response = await admin.GetAsync(path);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{path} answered {(int)response.StatusCode}");
            await AssertNoSecretAsync(response, path);
            Assert.DoesNotContain("TopSecret", await response.Content.ReadAsStringAsync());
        }
        var settingsPage = await admin.GetStringAsync("/admin/paymodes/vault");
        Assert.Contains("ending in 1a2b", settingsPage);
        Assert.Contains("acct-42", settingsPage);
        Assert.Contains("\"ApiKey\":\"set", await admin.GetStringAsync("/admin/api/paymodes"));
    }

    [Fact]
    public async Task No_public_page_or_api_answer_carries_a_secret_in_clear()
    {
        var buyer = shop.NoRedirects();
        var answers = new List<(string What, HttpResponseMessage Response)>();
        async Task<HttpResponseMessage> Seen(string what, Task<HttpResponseMessage> request)
        {
            var response = await request;
            answers.Add((what, response));
            return response;
        }

        // Every provider mode: the order through the JSON API, the hand-over page it signs with its secret, a refused notification.
        foreach (var code in new[] { "mercanet", "systempay", "ogone" })
        {
            var placed = await Seen($"POST /api/checkout ({code})", buyer.PostAsJsonAsync("/api/checkout", ShopApiClient.Order(code, ("MUG-001", 1))));
            Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
            var order = (await placed.Content.ReadFromJsonAsync<PlacedOrder>(ShopFactory.Json))!;
            Assert.Equal(HttpStatusCode.OK, (await Seen($"send page ({code})", buyer.SendAsync(order))).StatusCode);
            await Seen($"refused notification ({code})", ProviderFlow.NotifyAsync(buyer, code, "Data=forged&Seal=00&vads_hash=00&SHASIGN=00"));
        }

        // A bill paid by card through the Mercanet sandbox, as a buyer's browser goes: shop → sandbox → shop.
        var (paid, request) = await ProviderFlow.StartAsync(buyer, "mercanet");
        var sandboxPage = await Seen("sandbox payment page", buyer.PostAsync(ProviderFlow.PathOf(request.Action), request.Content()));
        var decision = await Seen("sandbox decision", buyer.PostAsync(ProviderFlow.Form(await sandboxPage.Content.ReadAsStringAsync()).Action,
            new FormUrlEncodedContent([new("decision", "pay")])));
        var back = ProviderFlow.Form(await decision.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await Seen("return from the provider", buyer.PostAsync(ProviderFlow.PathOf(back.Action), back.Content()))).StatusCode);
        Assert.Equal("COMPLETE", (await buyer.BillAsync(paid.Reference)).State);

        foreach (var path in new[] { "/", "/checkout", $"/bills/{paid.Reference}", "/api/products", $"/api/bills/{paid.Reference}", "/health" })
            Assert.Equal(HttpStatusCode.OK, (await Seen($"GET {path}", buyer.GetAsync(path))).StatusCode);

        foreach (var (what, response) in answers)
            await AssertNoSecretAsync(response, what);
    }

    [Fact]
    public async Task Secrets_are_encrypted_at_rest_and_a_blank_secret_keeps_the_stored_one()
    {
        await shop.InScopeAsync(async sp =>
        {
            var store = sp.GetRequiredService<IPayModeSettingsStore>();
            var admin = sp.GetRequiredService<PayModeAdmin>();
            await store.SaveAsync((await store.GetAsync("vault")) with { Settings = new VaultSettings { AccountId = "acct-1", ApiKey = VaultPayMode.SecretValue } });

            await using (var db = await sp.GetRequiredService<IDbContextFactory<ShopDbContext>>().CreateDbContextAsync())
            {
                var json = (await db.PayModeSettings.SingleAsync(r => r.Code == "vault")).SettingsJson;
                Assert.DoesNotContain(VaultPayMode.SecretValue, json);
                Assert.Contains(PayModeSettingsStore.EncryptedPrefix, json);
            }

            // What the form gets holds only a "kept" marker (its description, never the secret);
            // saving it back (another field changed) keeps the secret.
            var editing = (await admin.EditAsync("vault"))!;
            var form = Assert.IsType<VaultSettings>(editing.FormSettings);
            Assert.True(SecretValues.IsKept(form.ApiKey));
            Assert.DoesNotContain("sk_", form.ApiKey);
            Assert.Equal("set · ending in 1a2b", editing.Secrets["ApiKey"]);
            form.AccountId = "acct-2";
            await admin.SaveSettingsAsync("vault", form);
            var saved = await store.GetSettingsAsync<VaultSettings>("vault");
            Assert.Equal(("acct-2", VaultPayMode.SecretValue), (saved.AccountId, saved.ApiKey));

            // A new value replaces it.
            form.ApiKey = "sk_live_Rotated_New_Key_9z9z";
            await admin.SaveSettingsAsync("vault", form);
            Assert.Equal("sk_live_Rotated_New_Key_9z9z", (await store.GetSettingsAsync<VaultSettings>("vault")).ApiKey);
            return 0;
        });
    }

    [Fact]
    public async Task Admin_signs_out_and_is_then_sent_to_the_login_page()
    {
        var admin = await shop.SignedInAsync(AdminHelpers.AdminEmail, AdminHelpers.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin")).StatusCode);
        var token = await admin.AntiforgeryTokenAsync("/admin");
        var logout = await admin.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.StartsWith("/account/login", (await admin.GetAsync("/admin")).Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Sign_in_without_the_antiforgery_token_is_refused()
    {
        var response = await shop.Client().PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = AdminHelpers.AdminEmail, ["password"] = AdminHelpers.AdminPassword,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("shop.admin=")));
    }

    [Fact]
    public async Task The_trace_api_names_states_as_the_rest_of_the_api_does()
    {
        var order = await shop.CreateClient().PlaceAsync("check", ("MUG-001", 1));
        var admin = await shop.SignedInAsync(AdminHelpers.AdminEmail, AdminHelpers.AdminPassword);

        using var trace = System.Text.Json.JsonDocument.Parse(await admin.GetStringAsync($"/admin/api/bills/{order.Reference}/trace"));

        var placed = trace.RootElement.EnumerateArray().First();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, placed.GetProperty("fromState").ValueKind);
        Assert.Equal("PLACED", placed.GetProperty("toState").GetString());   // was the number 1
    }

    [Fact]
    public async Task Bill_page_shows_raw_notifications_redacted_and_the_dashboard_lists_the_rejected_ones()
    {
        var order = await shop.CreateClient().PlaceAsync("check", ("MUG-001", 1));
        await shop.InScopeAsync(async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<ShopDbContext>>().CreateDbContextAsync();
            db.Notifications.Add(new NotificationRecord
            {
                PayMode = "check", ReceivedAt = DateTime.UtcNow, Method = "POST", ContentType = "application/x-www-form-urlencoded",
                Body = "orderID=12&CARDNO=4111111111111111&SHASIGN=F4CC376CD7A834D997B9&STATUS=9&memo=pan+5500000000000004",
                BodyLength = 90, Verdict = NotificationVerdict.BadSignature, Detail = "signature does not match", BillReference = order.Reference,
            });
            return await db.SaveChangesAsync();
        });
        var admin = await shop.SignedInAsync(AdminHelpers.AdminEmail, AdminHelpers.AdminPassword);

        var page = System.Net.WebUtility.HtmlDecode(await admin.GetStringAsync($"/admin/bills/{order.Reference}"));
        Assert.Contains("CARDNO=[redacted]", page);
        Assert.Contains("SHASIGN=[redacted]", page);
        Assert.Contains("STATUS=9", page);
        Assert.Contains("0004", page);
        Assert.DoesNotContain("4111111111111111", page);
        Assert.DoesNotContain("5500000000000004", page);
        Assert.DoesNotContain("F4CC376CD7A834D997B9", page);
        Assert.Contains("order placed", page);   // the trace

        var dashboard = await admin.GetStringAsync("/admin");
        Assert.Contains("BadSignature", dashboard);
        Assert.Contains($"/admin/bills/{order.Reference}", dashboard);
    }

    [Fact]
    public async Task Return_url_after_sign_in_stays_on_this_site()
    {
        var client = shop.Client();
        var response = await client.SignInAsync(AdminHelpers.AdminEmail, AdminHelpers.AdminPassword, "//evil.example.com/");
        Assert.Equal("/admin", response.Headers.Location!.ToString());
    }
}
