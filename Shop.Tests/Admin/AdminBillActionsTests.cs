using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.Core;
using Shop.Tests.Infrastructure;
using Shop.Web.Admin;
using Shop.Web.Bills;
using Shop.Web.Data;

namespace Shop.Tests.Admin;

public sealed class AdminBillActionsFactory : ShopFactory;

public sealed class AdminBillActionsTests(AdminBillActionsFactory shop) : IClassFixture<AdminBillActionsFactory>
{
    [Fact]
    public async Task A_short_cheque_leaves_the_bill_PARTIAL_and_flagged_until_an_admin_marks_it_resolved()
    {
        var buyer = shop.NoRedirects();
        var order = await buyer.PlaceAsync("check", ("MUG-001", 2));
        await buyer.SendAsync(order);   // the buyer reads the cheque instructions: PENDING
        var detail = await shop.InScopeAsync(async sp =>
        {
            var bills = sp.GetRequiredService<BillService>();
            Assert.Equal(TransitionResult.Moved, await bills.ConfirmDeferredPaymentAsync(order.Reference, Actor.Admin("owner@example.com"), 1000, new DateOnly(2026, 11, 28), "cheque 0042"));
            var flagged = (await sp.GetRequiredService<AdminBills>().DetailAsync(order.Reference))!;
            Assert.Equal((BillState.Partial, true, 1000L), (flagged.Bill.State, flagged.Bill.Flagged, flagged.Bill.PaidAmount));
            Assert.True(await bills.ClearFlagAsync(order.Reference, Actor.Admin("owner@example.com"), "buyer sends the rest"));
            Assert.False(await bills.ClearFlagAsync(order.Reference, Actor.Admin("owner@example.com"), "twice"));
            return (await sp.GetRequiredService<AdminBills>().DetailAsync(order.Reference))!;
        });
        Assert.False(detail.Bill.Flagged);
        Assert.Contains(detail.Trace, t => t.Who == "admin:owner@example.com" && t.What.Contains("cheque 0042") && t.ToState == BillState.Partial);
        Assert.Contains(detail.Trace, t => t.What.StartsWith("flag cleared") && t.What.EndsWith("buyer sends the rest"));
    }

    [Fact]
    public async Task Completing_a_PARTIAL_bill_by_hand_delivers_it_exactly_once()
    {
        var buyer = shop.NoRedirects();
        var order = await buyer.PlaceAsync("check", ("MUG-001", 2));
        await buyer.SendAsync(order);
        var admin = Actor.Admin("owner@example.com");
        var (result, again, deliveries) = await shop.InScopeAsync(async sp =>
        {
            var bills = sp.GetRequiredService<BillService>();
            Assert.Equal(TransitionResult.Moved, await bills.ConfirmDeferredPaymentAsync(order.Reference, admin, 1000, new DateOnly(2026, 11, 28), null));
            var result = await bills.TransitionAsync(order.Reference, BillState.Partial, BillState.Complete, admin, "rest paid in cash");
            var again = await bills.TransitionAsync(order.Reference, BillState.Partial, BillState.Complete, admin, "double click");
            await using var db = await sp.GetRequiredService<IDbContextFactory<ShopDbContext>>().CreateDbContextAsync();
            var bill = await db.Bills.SingleAsync(b => b.Reference == order.Reference);
            return (result, again, await db.FulfilmentRecords.CountAsync(f => f.BillId == bill.Id && f.Phase == FulfilmentPhase.AfterPayment));
        });
        Assert.Equal(TransitionResult.Moved, result);
        Assert.Equal(TransitionResult.Conflict, again);
        Assert.Equal(1, deliveries);   // one line (MUG-001 × 2), delivered once
        Assert.Equal("COMPLETE", (await buyer.BillAsync(order.Reference)).State);
    }
}
