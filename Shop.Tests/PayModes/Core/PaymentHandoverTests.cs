using System.Net;
using Microsoft.EntityFrameworkCore;
using Shop.PayModes.Core;
using Shop.Tests.Infrastructure;

namespace Shop.Tests.PayModes.Core;

public sealed class HandoverShopFactory() : ShopFactory(new Dictionary<string, string?> { ["Shop:TestOverride"] = "true" });

/// <summary>The checks every <c>GET /paymodes/{code}/send/{reference}</c> makes before it opens anything.</summary>
public sealed class PaymentHandoverTests(HandoverShopFactory shop) : IClassFixture<HandoverShopFactory>
{
    private readonly HttpClient _buyer = shop.NoRedirects();

    private Task<int> AttemptsAsync(string reference) =>
        shop.QueryAsync(db => db.PaymentAttempts.CountAsync(a => a.Bill.Reference == reference));

    [Fact]
    public async Task An_admin_cookie_on_a_forged_test_send_leaves_a_buyers_cheque_bill_in_check_with_no_attempt()
    {
        var order = await _buyer.PlaceAsync("check", ("MUG-001", 1));
        await shop.EnsureUsersAsync();
        var admin = await shop.SignedInAsync(AdminHelpers.AdminEmail, AdminHelpers.AdminPassword);

        // What a cross-site <img src> or link would make the admin's browser do.
        var send = await admin.GetAsync($"/paymodes/test/send/{order.Reference}");

        Assert.Equal(HttpStatusCode.Conflict, send.StatusCode);
        var page = await send.Content.ReadAsStringAsync();
        Assert.Contains("This order is to be paid with Cheque, not Test payment. Nothing was changed.", page);
        Assert.Contains($"href=\"/bills/{order.Reference}\"", page);
        var bill = await _buyer.BillAsync(order.Reference);
        Assert.Equal(("PLACED", "check"), (bill.State, bill.PayMode));
        Assert.Equal(0, await AttemptsAsync(order.Reference));
        Assert.DoesNotContain(await shop.TraceAsync(order.Reference), t => t.What.Contains("test", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sending_one_bill_again_and_again_opens_at_most_the_cap_of_attempts()
    {
        var order = await _buyer.PlaceAsync("test", ("MUG-001", 1));

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < PaymentHandover.MaxAttemptsPerBill + 5; i++)
            answers.Add((await _buyer.SendAsync(order)).StatusCode);

        Assert.All(answers.Take(PaymentHandover.MaxAttemptsPerBill), status => Assert.Equal(HttpStatusCode.Redirect, status));
        Assert.All(answers.Skip(PaymentHandover.MaxAttemptsPerBill), status => Assert.Equal(HttpStatusCode.Conflict, status));
        Assert.Equal(PaymentHandover.MaxAttemptsPerBill, await AttemptsAsync(order.Reference));
        var past = await (await _buyer.SendAsync(order)).Content.ReadAsStringAsync();
        Assert.Contains("Too many payment attempts", past);
        Assert.Contains($"href=\"/checkout?retry={order.Reference}\"", past);
        Assert.Equal("PLACED", (await _buyer.BillAsync(order.Reference)).State);
    }

    [Fact]
    public async Task Sending_an_unknown_or_settled_bill_opens_no_attempt()
    {
        var unknown = await _buyer.GetAsync("/paymodes/test/send/no-such-bill");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        var free = await _buyer.PlaceAsync("freeorder", ("GUIDE-005", 1));
        await _buyer.SendAsync(free);
        Assert.Equal("COMPLETE", (await _buyer.BillAsync(free.Reference)).State);
        var again = await _buyer.SendAsync(free);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal($"/bills/{free.Reference}", again.Headers.Location!.OriginalString);
        Assert.Equal(1, await AttemptsAsync(free.Reference));
    }
}
