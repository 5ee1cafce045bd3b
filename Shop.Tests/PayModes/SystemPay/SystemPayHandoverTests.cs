using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Shop.PayModes.SystemPay;
using Shop.Tests.Infrastructure;
using Shop.Tests.PayModes.Providers;
using Shop.Web.Data;

namespace Shop.Tests.PayModes.SystemPay;

public sealed class SystemPayHandoverFactory : ProviderShopFactory;

/// <summary>SystemPay's 899,999 transaction ids a day are drawn only for a bill that may pay now, and running out is a clear page.</summary>
public sealed class SystemPayHandoverTests(SystemPayHandoverFactory shop) : IClassFixture<SystemPayHandoverFactory>
{
    private readonly HttpClient _client = shop.NoRedirects();

    private static string Today => "systempay:" + DateTime.UtcNow.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private Task<int> DrawnTodayAsync() =>
        shop.QueryAsync(async db => (await db.Sequences.AsNoTracking().SingleOrDefaultAsync(s => s.Name == Today))?.Value ?? 0);

    private Task SetDrawnTodayAsync(int value) => shop.QueryAsync(async db =>
    {
        var row = await db.Sequences.SingleOrDefaultAsync(s => s.Name == Today);
        if (row is null)
            db.Sequences.Add(new Sequence { Name = Today, Value = value });
        else
            row.Value = value;
        return await db.SaveChangesAsync();
    });

    private Task<int> AttemptsAsync(string reference) =>
        shop.QueryAsync(db => db.PaymentAttempts.CountAsync(a => a.Bill.Reference == reference));

    [Fact]
    public async Task A_thousand_sends_for_unknown_bills_draw_no_transaction_id()
    {
        var before = await DrawnTodayAsync();

        for (var i = 0; i < 1000; i++)
        {
            var send = await _client.GetAsync($"/paymodes/systempay/send/forged-{i}");
            Assert.Equal(HttpStatusCode.NotFound, send.StatusCode);
        }
        Assert.Equal(before, await DrawnTodayAsync());

        // Nor for a real bill that is in another mode.
        var cheque = await _client.PlaceAsync("check", ("MUG-001", 1));
        Assert.Equal(HttpStatusCode.Conflict, (await _client.GetAsync($"/paymodes/systempay/send/{cheque.Reference}")).StatusCode);

        Assert.Equal(before, await DrawnTodayAsync());
    }

    [Fact]
    public async Task When_the_days_transaction_ids_are_used_up_the_hand_over_answers_503_until_the_next_UTC_day_and_opens_nothing()
    {
        var order = await _client.PlaceAsync("systempay", ("MUG-001", 1));
        await SetDrawnTodayAsync(SystemPayTransId.MaxSequence - 1);
        var last = await _client.SendAsync(order);
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        Assert.Contains("name=\"vads_trans_id\" value=\"899999\"", await last.Content.ReadAsStringAsync());

        var refused = await _client.SendAsync(order);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Please choose another way to pay.", page);
        Assert.Contains($"href=\"/checkout?retry={order.Reference}\"", page);
        var retryAfter = refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero;
        var untilMidnight = DateTime.UtcNow.Date.AddDays(1) - DateTime.UtcNow;
        Assert.InRange(retryAfter, untilMidnight - TimeSpan.FromMinutes(1), untilMidnight + TimeSpan.FromMinutes(1));
        Assert.Equal(1, await AttemptsAsync(order.Reference));
        Assert.Equal("PLACED", (await _client.BillAsync(order.Reference)).State);
    }
}
