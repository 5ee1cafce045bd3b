using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.Core;
using Shop.Tests.Infrastructure;
using static Shop.Tests.PayModes.Providers.ProviderFlow;

namespace Shop.Tests.PayModes.Providers;

/// <summary>
/// One payment goes through several statuses (authorised, then captured); each status is a new
/// notification, not a duplicate. Only the status that means "paid" pays, it pays once, and a later
/// status of that same payment is news, not a second payment to refund.
/// </summary>
public sealed class PaymentLifeTests(ProviderShopFactory shop) : IClassFixture<ProviderShopFactory>
{
    private readonly HttpClient _client = shop.NoRedirects();

    private async Task<(string Reference, Func<MessageSpec, Task> Notify)> StartAsync(string code)
    {
        var (order, request) = await ProviderFlow.StartAsync(_client, code);
        var messages = IProviderMessages.For(code, shop);
        return (order.Reference, async spec =>
        {
            var answer = await NotifyAsync(_client, code, messages.Build(request.Fields, spec));
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        });
    }

    private async Task<List<string>> TraceAsync(string reference)
    {
        var bill = await BillRowAsync(shop, reference);
        return await InDbAsync(shop, db => db.BillTraces.Where(t => t.BillId == bill.Id).OrderBy(t => t.Id).Select(t => t.What).ToListAsync());
    }

    [Fact]
    public async Task SystemPay_AUTHORISED_then_CAPTURED_of_the_same_transaction_pays_once_and_flags_nothing()
    {
        var (reference, notify) = await StartAsync("systempay");

        await notify(new(ProviderStatus.Paid, RawStatus: "AUTHORISED", TransactionId: "7b1c0a7e4f2d4c5b9a1e3d2c1b0a9f8e"));
        await notify(new(ProviderStatus.Paid, RawStatus: "CAPTURED", TransactionId: "7b1c0a7e4f2d4c5b9a1e3d2c1b0a9f8e"));

        var row = await BillRowAsync(shop, reference);
        Assert.Equal(BillState.Complete, row.State);
        Assert.False(row.Flagged, row.FlagReason);
        Assert.Equal((1, 1, 1), await DeliveryCountsAsync(shop, reference));
        Assert.Contains(await TraceAsync(reference), what => what.Contains("already recorded for this bill, recorded only", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ogone_STATUS_5_authorised_waits_in_PENDING_and_the_capture_9_pays()
    {
        var (reference, notify) = await StartAsync("ogone");

        await notify(new(ProviderStatus.Paid, RawStatus: "5"));
        Assert.Equal(BillState.Pending, (await BillRowAsync(shop, reference)).State);
        Assert.Equal(0, (await DeliveryCountsAsync(shop, reference)).Deliveries);

        await notify(new(ProviderStatus.Paid, RawStatus: "9"));
        var row = await BillRowAsync(shop, reference);
        Assert.Equal(BillState.Complete, row.State);
        Assert.False(row.Flagged, row.FlagReason);
        Assert.Equal((1, 1, 1), await DeliveryCountsAsync(shop, reference));
    }

    [Fact]
    public async Task A_second_payment_with_another_provider_id_on_a_paid_bill_is_flagged_for_a_refund()
    {
        var (reference, notify) = await StartAsync("ogone");

        await notify(new(ProviderStatus.Paid, TransactionId: "32100123"));
        await notify(new(ProviderStatus.Paid, TransactionId: "32100999"));

        var row = await BillRowAsync(shop, reference);
        Assert.Equal(BillState.Complete, row.State);
        Assert.True(row.Flagged);
        Assert.Contains("second payment", row.FlagReason, StringComparison.Ordinal);
        Assert.Equal(1, (await DeliveryCountsAsync(shop, reference)).Deliveries);
    }

    [Fact]
    public async Task A_provider_payment_on_a_bill_an_admin_already_recorded_paid_is_flagged()
    {
        // An admin recorded the bill paid (say, by a transfer); the provider then reports a card payment too.
        var (reference, notify) = await StartAsync("systempay");
        using var scope = shop.Services.CreateScope();
        var bills = scope.ServiceProvider.GetRequiredService<Shop.Web.Bills.BillService>();
        Assert.Equal(TransitionResult.Moved, await bills.MarkPaidAsync(reference, (await BillRowAsync(shop, reference)).Total, Actor.Admin("admin@example.com"), "transfer received"));

        await notify(new(ProviderStatus.Paid, RawStatus: "AUTHORISED", TransactionId: "0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f"));

        var row = await BillRowAsync(shop, reference);
        Assert.True(row.Flagged);
        Assert.Contains("second payment", row.FlagReason, StringComparison.Ordinal);
    }
}
