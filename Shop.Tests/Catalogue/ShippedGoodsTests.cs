using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.Core;
using Shop.Tests.Infrastructure;
using Shop.Web.Bills;
using Shop.Web.Data;

namespace Shop.Tests.Catalogue;

public sealed class ShippedGoodsFactory : ShopFactory;

/// <summary>Delivery as its own step (docs/lifecycle.md#shipped-goods): a bill with shipped goods waits, paid, for "mark shipped".</summary>
public sealed class ShippedGoodsTests(ShippedGoodsFactory shop) : IClassFixture<ShippedGoodsFactory>
{
    private static readonly Actor Owner = Actor.Admin(AdminHelpers.AdminEmail);

    private async Task<string> ProductAsync(bool shipped)
    {
        var sku = $"P-{Guid.NewGuid():N}"[..16].ToUpperInvariant();
        await shop.QueryAsync(async db =>
        {
            db.Products.Add(new Product { Sku = sku, Name = shipped ? "Wool blanket" : "Pattern (PDF)", Price = 4200, Currency = "EUR", Shipped = shipped });
            return await db.SaveChangesAsync();
        });
        return sku;
    }

    /// <summary>A cheque order, confirmed by the buyer and paid in full by the admin.</summary>
    private async Task<PlacedOrder> PaidAsync(params (string Sku, int Quantity)[] items)
    {
        var buyer = shop.NoRedirects();
        var order = await buyer.PlaceAsync("check", items);
        await buyer.SendAsync(order);
        Assert.Equal(TransitionResult.Moved, await shop.InScopeAsync(sp =>
            sp.GetRequiredService<BillService>().ConfirmDeferredPaymentAsync(order.Reference, Owner, order.Total, new DateOnly(2026, 12, 2), "cheque 77")));
        return order;
    }

    private Task<int> AfterPaymentRunsAsync(string reference) => shop.QueryAsync(async db =>
    {
        var bill = await db.Bills.SingleAsync(b => b.Reference == reference);
        return await db.FulfilmentRecords.CountAsync(f => f.BillId == bill.Id && f.Phase == FulfilmentPhase.AfterPayment);
    });

    [Fact]
    public async Task Goods_delivered_at_once_complete_right_after_payment()
    {
        var order = await PaidAsync((await ProductAsync(shipped: false), 1));
        Assert.Equal("COMPLETE", (await shop.CreateClient().BillAsync(order.Reference)).State);
        var page = await shop.CreateClient().GetStringAsync($"/bills/{order.Reference}");
        Assert.Contains(">Delivered<", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Shipped", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shipped_goods_stay_paid_and_preparing_until_marked_shipped_then_complete_as_Shipped()
    {
        var order = await PaidAsync((await ProductAsync(shipped: true), 1), (await ProductAsync(shipped: false), 2));
        Assert.Equal("SOLDOUT", (await shop.CreateClient().BillAsync(order.Reference)).State);
        Assert.Equal(0, await AfterPaymentRunsAsync(order.Reference));
        var waiting = await shop.CreateClient().GetStringAsync($"/bills/{order.Reference}");
        Assert.Contains("Payment received, preparing your order", waiting, StringComparison.Ordinal);
        Assert.DoesNotContain("SOLDOUT</", waiting, StringComparison.Ordinal);

        // Neither the sweep nor an admin's COMPLETE by hand delivers it before it is shipped.
        Assert.Equal(0, (await shop.Service<ExpiryService>().SweepAsync()).Undelivered);
        Assert.Equal("SOLDOUT", (await shop.CreateClient().BillAsync(order.Reference)).State);

        Assert.Equal(ShipResult.Shipped, await shop.InScopeAsync(sp => sp.GetRequiredService<BillService>().MarkShippedAsync(order.Reference, Owner, "parcel 6A1234")));
        Assert.Equal("COMPLETE", (await shop.CreateClient().BillAsync(order.Reference)).State);
        Assert.Equal(2, await AfterPaymentRunsAsync(order.Reference));
        var shipped = await shop.CreateClient().GetStringAsync($"/bills/{order.Reference}");
        Assert.Contains(">Shipped<", shipped, StringComparison.Ordinal);
        Assert.DoesNotContain("Paid and delivered", shipped, StringComparison.Ordinal);
        var trace = await shop.TraceAsync(order.Reference);
        Assert.Single(trace, t => t.What == "marked shipped: parcel 6A1234" && t.Who == Owner.Name);
    }

    [Fact]
    public async Task Concurrent_clicks_on_mark_shipped_ship_and_deliver_exactly_once()
    {
        var order = await PaidAsync((await ProductAsync(shipped: true), 3));
        await shop.EnsureUsersAsync();
        var admin = await shop.SignedInAsync(AdminHelpers.AdminEmail, AdminHelpers.AdminPassword);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            var response = await admin.PostAsJsonAsync($"/admin/api/bills/{order.Reference}/ship", new { });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("result").GetString();
        }));

        Assert.Single(answers, a => a == "shipped");
        Assert.Equal(5, answers.Count(a => a == "alreadyShipped"));
        Assert.Equal("COMPLETE", (await shop.CreateClient().BillAsync(order.Reference)).State);
        Assert.Equal(1, await AfterPaymentRunsAsync(order.Reference));
        var trace = await shop.TraceAsync(order.Reference);
        Assert.Single(trace, t => t.What.StartsWith("marked shipped", StringComparison.Ordinal));
        Assert.Single(trace, t => t.ToState == BillState.Complete);
    }

    [Fact]
    public async Task Only_a_paid_bill_with_shipped_goods_can_be_marked_shipped()
    {
        await shop.EnsureUsersAsync();
        var admin = await shop.SignedInAsync(AdminHelpers.AdminEmail, AdminHelpers.AdminPassword);
        var buyer = shop.NoRedirects();
        var unpaid = await buyer.PlaceAsync("check", (await ProductAsync(shipped: true), 1));
        var immediate = await PaidAsync((await ProductAsync(shipped: false), 1));

        var notPaid = await admin.PostAsJsonAsync($"/admin/api/bills/{unpaid.Reference}/ship", new { });
        Assert.Equal(HttpStatusCode.Conflict, notPaid.StatusCode);
        Assert.Contains("Only a paid bill", await notPaid.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/admin/api/bills/{immediate.Reference}/ship", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync("/admin/api/bills/NoSuchBill/ship", new { })).StatusCode);
        Assert.Null((await shop.BillRowAsync(unpaid.Reference)).ShippedAt);
    }

    [Fact]
    public async Task A_bill_keeps_whether_its_goods_were_shipped_as_placed()
    {
        var sku = await ProductAsync(shipped: true);
        var buyer = shop.NoRedirects();
        var order = await buyer.PlaceAsync("check", (sku, 1));
        await buyer.SendAsync(order);
        await shop.QueryAsync(db => db.Products.Where(p => p.Sku == sku).ExecuteUpdateAsync(s => s.SetProperty(p => p.Shipped, false)));
        await shop.InScopeAsync(sp => sp.GetRequiredService<BillService>().ConfirmDeferredPaymentAsync(order.Reference, Owner, order.Total, new DateOnly(2026, 12, 2), null));
        Assert.Equal("SOLDOUT", (await buyer.BillAsync(order.Reference)).State);
    }
}
