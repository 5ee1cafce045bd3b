using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.Core;
using Shop.PayModes.Test;
using Shop.Tests.Infrastructure;
using Shop.Web.Bills;
using Shop.Web.Data;
using Shop.Web.Fulfilment;

namespace Shop.Tests.Fulfilment;

public sealed class DeliveryRecoveryFactory() : ShopFactory(DeliveryRecoveryTests.Settings());

/// <summary>
/// What a crash leaves of a delivery, put in the database by hand: a bill paid (SOLDOUT) whose delivery never ran, or
/// a line claimed whose handler never finished. Each is delivered once, promptly, and never recorded done unrun.
/// </summary>
public sealed class DeliveryRecoveryTests(DeliveryRecoveryFactory shop) : IClassFixture<DeliveryRecoveryFactory>
{
    public static Dictionary<string, string?> Settings(string? dataDirectory = null)
    {
        var settings = new Dictionary<string, string?> { ["Shop:TestOverride"] = "true" };
        if (dataDirectory is not null)
            settings["Shop:DataDirectory"] = dataDirectory;
        return settings;
    }

    /// <summary>A two-line test-mode bill paid by a real notification; the notification's body, to send it again.</summary>
    private static async Task<(string Reference, string Notification)> PaidAsync(ShopFactory factory)
    {
        var client = factory.NoRedirects();
        var order = await client.PlaceAsync("test", ("MUG-001", 1), ("NOTE-003", 2));
        await client.SendAsync(order);
        var body = await factory.InScopeAsync(async sp => sp.GetRequiredService<TestSimulator>()
            .CreateNotification((await sp.GetRequiredService<IBillGateway>().FindAsync(order.Reference))!, PaymentOutcome.Paid));
        Assert.Equal(HttpStatusCode.OK, (await NotifyAsync(client, body)).StatusCode);
        Assert.Equal("COMPLETE", (await client.BillAsync(order.Reference)).State);
        return (order.Reference, body);
    }

    private static Task<HttpResponseMessage> NotifyAsync(HttpClient client, string body) =>
        client.PostAsync("/paymodes/test/notify", new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"));

    /// <summary>The state a crash right after the payment's commit leaves: SOLDOUT, the delivery not even claimed.</summary>
    private static Task CrashBeforeDeliveryAsync(ShopFactory factory, string reference) => factory.QueryAsync(async db =>
    {
        var bill = await db.Bills.SingleAsync(b => b.Reference == reference);
        await db.FulfilmentRecords.Where(f => f.BillId == bill.Id && f.Phase == FulfilmentPhase.AfterPayment).ExecuteDeleteAsync();
        bill.State = BillState.SoldOut;
        bill.UpdatedAt = DateTime.UtcNow;
        return await db.SaveChangesAsync();
    });

    /// <summary>The state a crash between claiming the lines and their handlers' success leaves (found by a later sweep).</summary>
    private static Task CrashInsideDeliveryAsync(ShopFactory factory, string reference, DateTime claimedAt) => factory.QueryAsync(async db =>
    {
        var bill = await db.Bills.SingleAsync(b => b.Reference == reference);
        await db.FulfilmentRecords.Where(f => f.BillId == bill.Id && f.Phase == FulfilmentPhase.AfterPayment).ExecuteUpdateAsync(s => s
            .SetProperty(f => f.ClaimedAt, claimedAt).SetProperty(f => f.DoneAt, (DateTime?)null).SetProperty(f => f.Note, ""));
        bill.State = BillState.SoldOut;
        bill.UpdatedAt = DateTime.UtcNow.AddMinutes(-10);
        return await db.SaveChangesAsync();
    });

    private static Task<List<FulfilmentRecord>> DeliveriesAsync(ShopFactory factory, string reference) =>
        factory.QueryAsync(db => db.FulfilmentRecords.AsNoTracking()
            .Where(f => f.Phase == FulfilmentPhase.AfterPayment && db.Bills.Any(b => b.Id == f.BillId && b.Reference == reference))
            .OrderBy(f => f.LineNo).ToListAsync());

    [Fact]
    public async Task A_duplicate_notification_for_a_paid_undelivered_bill_delivers_it_at_once_and_still_answers_OK()
    {
        var (reference, notification) = await PaidAsync(shop);
        await CrashBeforeDeliveryAsync(shop, reference);

        var retry = await NotifyAsync(shop.NoRedirects(), notification);   // the provider's retry of the same message

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var latest = await shop.QueryAsync(db => db.Notifications.OrderByDescending(n => n.Id).FirstAsync(n => n.BillReference == reference));
        Assert.Equal(NotificationVerdict.Duplicate, latest.Verdict);
        Assert.Equal(BillState.Complete, (await shop.BillRowAsync(reference)).State);
        var deliveries = await DeliveriesAsync(shop, reference);
        Assert.Equal([1, 2], deliveries.Select(d => d.LineNo));
        Assert.All(deliveries, d => Assert.StartsWith("Delivered", d.Note));
    }

    [Fact]
    public async Task A_claim_a_crash_left_is_taken_over_once_stale_and_its_handler_runs_again()
    {
        var (reference, _) = await PaidAsync(shop);
        await CrashInsideDeliveryAsync(shop, reference, DateTime.UtcNow - FulfilmentService.ClaimLease - TimeSpan.FromSeconds(5));

        await shop.Service<ExpiryService>().SweepAsync();

        Assert.Equal(BillState.Complete, (await shop.BillRowAsync(reference)).State);
        var deliveries = await DeliveriesAsync(shop, reference);
        Assert.Equal(2, deliveries.Count);
        Assert.All(deliveries, d => Assert.StartsWith("Delivered", d.Note));
        Assert.All(deliveries, d => Assert.NotNull(d.DoneAt));
    }

    [Fact]
    public async Task A_claimed_line_whose_handler_has_not_succeeded_is_never_taken_for_delivered()
    {
        var (reference, _) = await PaidAsync(shop);
        await CrashInsideDeliveryAsync(shop, reference, DateTime.UtcNow);   // or a handler still running elsewhere

        var result = await shop.Service<ExpiryService>().SweepAsync();

        Assert.Equal(BillState.SoldOut, (await shop.BillRowAsync(reference)).State);
        Assert.True(result.Undelivered >= 1);
        Assert.All(await DeliveriesAsync(shop, reference), d => Assert.Null(d.DoneAt));
    }

    [Fact]
    public async Task At_start_up_a_bill_a_crash_left_SOLDOUT_is_delivered_without_waiting_for_the_sweep_interval()
    {
        var dir = Directory.CreateTempSubdirectory("shop-crash-").FullName;
        try
        {
            string reference;
            using (var before = new ShopFactory(Settings(dir)))
            {
                (reference, _) = await PaidAsync(before);
                await CrashBeforeDeliveryAsync(before, reference);
            }

            using var after = new ShopFactory(Settings(dir));   // the sweep interval is an hour in tests: only start-up can do it
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while ((await after.BillRowAsync(reference)).State != BillState.Complete && DateTime.UtcNow < deadline)
                await Task.Delay(100);

            Assert.Equal(BillState.Complete, (await after.BillRowAsync(reference)).State);
            Assert.All(await DeliveriesAsync(after, reference), d => Assert.StartsWith("Delivered", d.Note));
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); }
            catch (IOException) { /* SQLite may still hold the file for a moment */ }
        }
    }
}
