using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.Core;
using Shop.PayModes.Test;
using Shop.Tests.Infrastructure;
using Shop.Web.Data;

namespace Shop.Tests.PayModes.Test;

public sealed class TestFireFactory : ShopFactory;

/// <summary><c>POST /paymodes/test/fire/{reference}</c> delivers the held test notification; a cross-site form cannot.</summary>
public sealed class TestFireTests(TestFireFactory shop) : IClassFixture<TestFireFactory>
{
    private static readonly ClaimsPrincipal Admin = new(new ClaimsIdentity([new Claim(ClaimTypes.Role, PaymentHandover.AdminRole)], "test"));

    /// <summary>An admin's test bill paid with "Pay, notify later": its notification waits to be fired.</summary>
    private async Task<(HttpClient Admin, string Reference)> HeldNotificationAsync()
    {
        await shop.EnsureUsersAsync();
        var admin = await shop.SignedInAsync(AdminHelpers.AdminEmail, AdminHelpers.AdminPassword);
        var order = await admin.PlaceAsync("test", ("MUG-001", 1));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SendAsync(order)).StatusCode);
        await shop.InScopeAsync(async sp =>
        {
            var bill = (await sp.GetRequiredService<IBillGateway>().FindAsync(order.Reference))!;
            await sp.GetRequiredService<TestSimulator>().DeferAsync(bill, Admin);
            return 0;
        });
        return (admin, order.Reference);
    }

    [Fact]
    public async Task A_cross_site_form_post_with_an_admin_cookie_is_refused_and_fires_nothing()
    {
        var (admin, reference) = await HeldNotificationAsync();
        using var forged = new HttpRequestMessage(HttpMethod.Post, $"/paymodes/test/fire/{reference}")
        {
            Content = new FormUrlEncodedContent([new("go", "1")]),
        };
        forged.Headers.Add("Origin", "https://evil.example");
        var journaled = await shop.CountAsync<NotificationRecord>();

        var answer = await admin.SendAsync(forged);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.StatusCode);
        Assert.Equal("PLACED", (await admin.BillAsync(reference)).State);
        Assert.Equal(journaled, await shop.CountAsync<NotificationRecord>());
    }

    [Fact]
    public async Task A_JSON_post_fires_the_held_notification()
    {
        var (admin, reference) = await HeldNotificationAsync();

        var answer = await admin.PostAsync($"/paymodes/test/fire/{reference}", JsonContent.Create(new { }));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("COMPLETE", (await admin.BillAsync(reference)).State);
    }
}
