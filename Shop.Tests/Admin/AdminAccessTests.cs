using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.Core;
using Shop.Tests.Infrastructure;
using Shop.Web.Admin;
using Shop.Web.Data;
using Shop.Web.Hosting;

namespace Shop.Tests.Admin;

public sealed class AdminAccessFactory : VaultShopFactory;

/// <summary>Who may reach <c>/admin</c> and the admin API, over HTTP, against the real app.</summary>
public sealed class AdminAccessTests(AdminAccessFactory shop) : IClassFixture<AdminAccessFactory>, IAsyncLifetime
{
    private static readonly string[] PagePaths =
    [
        "/admin", "/admin/bills", "/admin/bills/NoSuchBill", "/admin/paymodes", "/admin/paymodes/transfer", "/admin/paymodes/vault",
        "/admin/trace", "/admin/settings", "/admin/signature-lab",
    ];

    private static readonly string[] ApiPaths = ["/admin/api/paymodes", "/admin/api/bills", "/admin/api/bills/NoSuchBill/trace"];

    public static TheoryData<string> Pages => Data(PagePaths);

    public static TheoryData<string> Apis => Data(ApiPaths);

    private static TheoryData<string> Data(IEnumerable<string> paths)
    {
        var data = new TheoryData<string>();
        foreach (var path in paths)
            data.Add(path);
        return data;
    }

    public async Task InitializeAsync() => await shop.EnsureUsersAsync();

    public Task DisposeAsync() => Task.CompletedTask;

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
        Assert.Contains("<title>Access denied</title>", page);
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
        await shop.InScopeAsync(async sp =>
        {
            var settings = sp.GetRequiredService<IPayModeSettingsStore>();
            var config = await settings.GetAsync("vault");
            await settings.SaveAsync(config with { Enabled = true, Settings = new VaultSettings { AccountId = "acct-42", ApiKey = VaultPayMode.SecretValue } });
            return 0;
        });
        var admin = await shop.SignedInAsync(AdminHelpers.AdminEmail, AdminHelpers.AdminPassword);

        foreach (var path in PagePaths.Concat(ApiPaths))
        {
            var response = await admin.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{path} answered {(int)response.StatusCode}");
            Assert.DoesNotContain(VaultPayMode.SecretValue, body);
            Assert.DoesNotContain("TopSecret", body);
        }
        var settingsPage = await admin.GetStringAsync("/admin/paymodes/vault");
        Assert.Contains("ending in 1a2b", settingsPage);
        Assert.Contains("acct-42", settingsPage);
        Assert.Contains("\"ApiKey\":\"set", await admin.GetStringAsync("/admin/api/paymodes"));
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
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        const string email = "locked@example.com";
        var created = await shop.InScopeAsync(sp => sp.GetRequiredService<AdminAccounts>().CreateOrResetAsync(email, "Right-Passw0rd-1"));
        Assert.True(created.Succeeded);
        var client = shop.Client();
        for (var i = 0; i < 5; i++)
            Assert.Contains("error=", (await client.SignInAsync(email, "Wrong-Passw0rd-" + i)).Headers.Location!.ToString());
        var refused = await client.SignInAsync(email, "Right-Passw0rd-1");
        Assert.Contains("error=locked", refused.Headers.Location!.ToString());
        Assert.Contains("locked for 15 minutes", await client.GetStringAsync(refused.Headers.Location));

        // The owner's way back in: the admin create verb resets the password and lifts the lock.
        await shop.InScopeAsync(sp => sp.GetRequiredService<AdminAccounts>().CreateOrResetAsync(email, "Right-Passw0rd-2"));
        Assert.DoesNotContain("error=", (await client.SignInAsync(email, "Right-Passw0rd-2")).Headers.Location!.ToString());
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
