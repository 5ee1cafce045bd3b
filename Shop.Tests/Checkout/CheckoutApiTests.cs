using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.Core;
using Shop.PayModes.Test;
using Shop.Tests.Infrastructure;
using Shop.Web.Bills;
using Shop.Web.Data;

namespace Shop.Tests.Checkout;

public sealed class OverrideShopFactory() : ShopFactory(new Dictionary<string, string?> { ["Shop:TestOverride"] = "true" });

/// <summary>Checkout through the JSON API, then each built-in pay mode to its end.</summary>
public sealed class CheckoutApiTests(OverrideShopFactory shop) : IClassFixture<OverrideShopFactory>
{
    private readonly HttpClient _client = shop.NoRedirects();

    private async Task<BillView> ViewAsync(string reference) =>
        (await shop.InScopeAsync(sp => sp.GetRequiredService<IBillGateway>().FindAsync(reference)))!;

    private async Task<HttpResponseMessage> PostNotificationAsync(string body) =>
        await _client.PostAsync("/paymodes/test/notify", new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"));

    private Task<string> TestNotificationAsync(BillView bill, PaymentOutcome outcome) =>
        shop.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<TestSimulator>().CreateNotification(bill, outcome)));

    [Fact]
    public async Task Products_are_listed_with_integer_minor_unit_prices()
    {
        var json = await _client.GetStringAsync("/api/products");
        using var doc = JsonDocument.Parse(json);
        var mug = doc.RootElement.EnumerateArray().Single(p => p.GetProperty("sku").GetString() == "MUG-001");
        Assert.Equal(1499, mug.GetProperty("price").GetInt64());
        Assert.Equal("EUR", mug.GetProperty("currency").GetString());
        Assert.Contains(doc.RootElement.EnumerateArray(), p => p.GetProperty("price").GetInt64() == 0);
    }

    [Fact]
    public async Task Checkout_answers_201_with_reference_total_and_pay_url()
    {
        var order = await _client.PlaceAsync("check", ("MUG-001", 2), ("NOTE-003", 1));
        Assert.Equal("PLACED", order.State);
        Assert.Equal(2 * 1499 + 1999, order.Total);
        Assert.Equal("EUR", order.Currency);
        Assert.EndsWith($"/paymodes/check/send/{order.Reference}", order.PayUrl);
        Assert.True(order.Reference.Length >= 16, "reference carries at least 96 random bits");
        var bill = await _client.BillAsync(order.Reference);
        Assert.Equal(("PLACED", 0L, "check"), (bill.State, bill.PaidAmount, bill.PayMode));
    }

    [Fact]
    public async Task Test_mode_pays_through_its_notification_and_completes()
    {
        var order = await _client.PlaceAsync("test", ("TEE-002", 1));
        var send = await _client.SendAsync(order);
        Assert.Equal(HttpStatusCode.Redirect, send.StatusCode);
        Assert.Equal($"/bills/{order.Reference}", send.Headers.Location!.OriginalString);

        var answer = await PostNotificationAsync(await TestNotificationAsync(await ViewAsync(order.Reference), PaymentOutcome.Paid));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var bill = await _client.BillAsync(order.Reference);
        Assert.Equal(("COMPLETE", 2499L), (bill.State, bill.PaidAmount));
        Assert.Equal(1, await shop.QueryAsync(db => Task.FromResult(db.FulfilmentRecords.Count(f => f.Phase == FulfilmentPhase.AfterPayment && db.Bills.Any(b => b.Id == f.BillId && b.Reference == order.Reference)))));
    }

    [Fact]
    public async Task Free_order_completes_at_once()
    {
        var order = await _client.PlaceAsync("freeorder", ("GUIDE-005", 1));
        Assert.Equal(0, order.Total);
        Assert.Equal(HttpStatusCode.Redirect, (await _client.SendAsync(order)).StatusCode);
        Assert.Equal("COMPLETE", (await _client.BillAsync(order.Reference)).State);
        var trace = await shop.TraceAsync(order.Reference);
        Assert.Equal([BillState.Placed, BillState.SoldOut, BillState.Complete], trace.Where(t => t.ToState is not null).Select(t => t.ToState!.Value));
    }

    [Fact]
    public async Task The_transition_table_the_migrations_install_is_exactly_the_published_one()
    {
        var installed = await shop.QueryAsync(db => db.BillTransitions.Select(t => new { t.FromState, t.ToState }).ToListAsync());
        var published = BillStateMachine.DefaultEdges.Select(e => new { e.From, e.To }).ToList();

        Assert.Equal(published.Count, installed.Count);
        Assert.All(published, edge => Assert.Contains(installed, row => row.FromState == edge.From && row.ToState == edge.To));
    }

    [Fact]
    public async Task The_database_refuses_to_rewrite_or_delete_the_notification_journal_and_the_trace()
    {
        var order = await _client.PlaceAsync("test", ("MUG-001", 1));
        await _client.SendAsync(order);
        Assert.Equal(HttpStatusCode.OK, (await PostNotificationAsync(await TestNotificationAsync(await ViewAsync(order.Reference), PaymentOutcome.Paid))).StatusCode);
        var before = await shop.QueryAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.BillReference == order.Reference));
        var billId = (await shop.BillRowAsync(order.Reference)).Id;
        var traceBefore = (await shop.TraceAsync(order.Reference)).Select(t => t.What).ToList();

        (string Sql, string Refusal)[] forbidden =
        [
            ($"UPDATE Notifications SET Body = 'amount=1' WHERE Id = {before.Id}", "a journaled notification never changes"),
            ($"UPDATE Notifications SET Verdict = 'Refused' WHERE Id = {before.Id}", "verdict is written once"),
            ($"DELETE FROM Notifications WHERE Id = {before.Id}", "the notification journal is append-only"),
            ($"UPDATE BillTraces SET What = 'nothing happened' WHERE BillId = {billId}", "the bill trace is append-only"),
            ($"DELETE FROM BillTraces WHERE BillId = {billId}", "the bill trace is append-only"),
        ];
        foreach (var (sql, refusal) in forbidden)
        {
            var refused = await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => shop.QueryAsync(db => db.Database.ExecuteSqlRawAsync(sql)));
            Assert.Contains(refusal, refused.Message, StringComparison.Ordinal);
        }

        var after = await shop.QueryAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.Id == before.Id));
        Assert.Equal((before.Body, NotificationVerdict.Accepted), (after.Body, after.Verdict));
        Assert.Equal(traceBefore, (await shop.TraceAsync(order.Reference)).Select(t => t.What));
    }

    [Fact]
    public async Task A_free_cart_posted_without_a_pay_mode_is_a_free_order_and_a_paying_one_still_must_choose()
    {
        var free = await _client.PostAsJsonAsync("/api/checkout", ShopApiClient.Order(null!, ("GUIDE-005", 1)));
        Assert.Equal(HttpStatusCode.Created, free.StatusCode);
        Assert.Equal("freeorder", (await free.Content.ReadFromJsonAsync<PlacedOrder>(ShopFactory.Json))!.PayMode);

        var paying = await _client.PostAsJsonAsync("/api/checkout", ShopApiClient.Order(null!, ("TOTE-004", 1)));
        Assert.Equal(HttpStatusCode.BadRequest, paying.StatusCode);
        Assert.Contains("payMode", await paying.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("transfer")]
    public async Task Deferred_modes_wait_in_PENDING_until_an_admin_confirms_receipt(string payMode)
    {
        var order = await _client.PlaceAsync(payMode, ("TOTE-004", 2));
        await _client.SendAsync(order);
        Assert.Equal("PENDING", (await _client.BillAsync(order.Reference)).State);

        var status = await _client.GetStringAsync($"/bills/{order.Reference}");
        Assert.Contains(order.Reference, status);

        var result = await shop.InScopeAsync(sp => sp.GetRequiredService<BillService>()
            .ConfirmDeferredPaymentAsync(order.Reference, Actor.Admin("owner@example.com"), 3700, new DateOnly(2026, 11, 28), "cheque no. 42"));
        Assert.Equal(TransitionResult.Moved, result);
        var bill = await _client.BillAsync(order.Reference);
        Assert.Equal(("COMPLETE", 3700L), (bill.State, bill.PaidAmount));
        var trace = await shop.TraceAsync(order.Reference);
        var confirmation = trace.Single(t => t.ToState == BillState.SoldOut);
        Assert.Equal("admin:owner@example.com", confirmation.Who);
        Assert.Contains("cheque no. 42", confirmation.What);
        Assert.Contains("2026-11-28", confirmation.What);
    }

    [Fact]
    public async Task A_short_transfer_moves_the_bill_to_PARTIAL_flagged_and_delivers_nothing()
    {
        var order = await _client.PlaceAsync("transfer", ("TOTE-004", 2));
        await _client.SendAsync(order);
        await shop.InScopeAsync(sp => sp.GetRequiredService<BillService>()
            .ConfirmDeferredPaymentAsync(order.Reference, Actor.Admin("owner"), 1000, new DateOnly(2026, 11, 28), null));
        var row = await shop.BillRowAsync(order.Reference);
        Assert.Equal((BillState.Partial, 1000L, true), (row.State, row.PaidAmount, row.Flagged));
        Assert.Contains("expected 37.00 EUR", row.FlagReason);
        Assert.Equal(0, await shop.QueryAsync(db => Task.FromResult(db.FulfilmentRecords.Count(f => f.BillId == row.Id && f.Phase == FulfilmentPhase.AfterPayment))));
    }

    [Fact]
    public async Task The_test_notification_fired_20_times_at_once_delivers_once()
    {
        var order = await _client.PlaceAsync("test", ("NOTE-003", 1));
        await _client.SendAsync(order);
        var body = await TestNotificationAsync(await ViewAsync(order.Reference), PaymentOutcome.Paid);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => PostNotificationAsync(body)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var row = await shop.BillRowAsync(order.Reference);
        Assert.Equal(BillState.Complete, row.State);
        Assert.Equal(1, await shop.QueryAsync(db => Task.FromResult(db.FulfilmentRecords.Count(f => f.BillId == row.Id && f.Phase == FulfilmentPhase.AfterPayment))));
        var trace = await shop.TraceAsync(order.Reference);
        Assert.Single(trace, t => t.ToState == BillState.SoldOut);
        Assert.Single(trace, t => t.FromState == BillState.SoldOut && t.ToState == BillState.Complete);
        Assert.Equal(20, await shop.QueryAsync(db => Task.FromResult(db.Notifications.Count(n => n.BillReference == order.Reference))));
        Assert.Equal(19, await shop.QueryAsync(db => Task.FromResult(db.Notifications.Count(n => n.BillReference == order.Reference && n.Verdict == NotificationVerdict.Duplicate))));
    }

    [Fact]
    public async Task A_forged_test_notification_is_refused_journaled_and_changes_nothing()
    {
        var order = await _client.PlaceAsync("test", ("NOTE-003", 1));
        await _client.SendAsync(order);
        var before = await shop.CountAsync<NotificationRecord>();

        var answer = await PostNotificationAsync("token=" + Uri.EscapeDataString("CfDJ8forged-token"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PLACED", (await _client.BillAsync(order.Reference)).State);
        Assert.Equal(before + 1, await shop.CountAsync<NotificationRecord>());
        Assert.Equal(NotificationVerdict.BadSignature, await shop.QueryAsync(db => Task.FromResult(db.Notifications.OrderBy(n => n.Id).Last().Verdict)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("token=")]
    [InlineData("garbage%zz")]
    public async Task Malformed_notifications_get_4xx_never_5xx(string body)
    {
        var answer = await PostNotificationAsync(body);
        Assert.InRange((int)answer.StatusCode, 400, 499);
    }

    [Fact]
    public async Task A_notification_with_another_amount_never_pays_and_flags_the_bill()
    {
        var order = await _client.PlaceAsync("test", ("MUG-001", 1));
        await _client.SendAsync(order);
        var bill = await ViewAsync(order.Reference);
        var forgedAmount = await shop.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<TestNotificationProtocol>()
            .Sign(new TestNotification(bill.LatestAttempt!.ProviderReference, PaymentOutcome.Paid, 1, "EUR"))));

        Assert.Equal(HttpStatusCode.OK, (await PostNotificationAsync(forgedAmount)).StatusCode);
        var row = await shop.BillRowAsync(order.Reference);
        Assert.Equal((BillState.Placed, true), (row.State, row.Flagged));
        Assert.Contains("amount 1 differs", row.FlagReason);
    }

    [Fact]
    public async Task A_cancelled_payment_keeps_the_cart_for_a_retry_and_a_late_success_is_flagged()
    {
        var order = await _client.PlaceAsync("test", ("MUG-001", 3));
        await _client.SendAsync(order);
        var bill = await ViewAsync(order.Reference);
        var paidLater = await TestNotificationAsync(bill, PaymentOutcome.Paid);
        await PostNotificationAsync(await TestNotificationAsync(bill, PaymentOutcome.Cancelled));
        Assert.Equal("CANCELLED", (await _client.BillAsync(order.Reference)).State);

        var draft = await shop.InScopeAsync(sp => sp.GetRequiredService<Shop.Web.Checkout.CheckoutService>().DraftFromAsync(order.Reference));
        Assert.Equal(("MUG-001", 3), (draft!.Items.Single().Sku, draft.Items.Single().Quantity));
        Assert.Equal("buyer@example.com", draft.Customer.Email);

        Assert.Equal(HttpStatusCode.OK, (await PostNotificationAsync(paidLater)).StatusCode);
        var row = await shop.BillRowAsync(order.Reference);
        Assert.Equal((BillState.Cancelled, true), (row.State, row.Flagged));
        Assert.Contains("while the bill was CANCELLED", row.FlagReason);
    }

    [Fact]
    public async Task A_retry_places_a_new_bill_and_both_traces_name_each_other_but_only_for_an_unsuccessful_bill()
    {
        var failed = await _client.PlaceAsync("test", ("MUG-001", 1));
        await _client.SendAsync(failed);
        await PostNotificationAsync(await TestNotificationAsync(await ViewAsync(failed.Reference), PaymentOutcome.Refused));
        var paid = await _client.PlaceAsync("freeorder", ("GUIDE-005", 1));
        await _client.SendAsync(paid);

        var (retry, notRetry) = await shop.InScopeAsync(async sp =>
        {
            var checkout = sp.GetRequiredService<Shop.Web.Checkout.CheckoutService>();
            var draft = (await checkout.DraftFromAsync(failed.Reference))!;
            var request = new Shop.Web.Checkout.CheckoutRequest(draft.Items, draft.Customer, "check");
            return ((await checkout.PlaceAsync(request, false, retryOf: failed.Reference)).Result!,
                    (await checkout.PlaceAsync(request, false, retryOf: paid.Reference)).Result!);
        });

        Assert.Contains(await shop.TraceAsync(failed.Reference), t => t.What == $"buyer tried again as bill {retry.Reference}");
        Assert.EndsWith($"(retry of bill {failed.Reference})", (await shop.TraceAsync(retry.Reference))[0].What);
        Assert.DoesNotContain(await shop.TraceAsync(paid.Reference), t => t.What.StartsWith("buyer tried again", StringComparison.Ordinal));
        Assert.DoesNotContain("retry of", (await shop.TraceAsync(notRetry.Reference))[0].What, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sending_a_bill_in_another_mode_is_refused_with_a_link_to_its_status_and_switches_nothing()
    {
        var order = await _client.PlaceAsync("test", ("MUG-001", 1));
        await _client.SendAsync(order);
        var send = await _client.GetAsync($"/paymodes/check/send/{order.Reference}");
        Assert.Equal(HttpStatusCode.Conflict, send.StatusCode);
        var page = await send.Content.ReadAsStringAsync();
        Assert.Contains("Test payment", page);
        Assert.Contains($"href=\"/bills/{order.Reference}\"", page);
        var bill = await _client.BillAsync(order.Reference);
        Assert.Equal(("PLACED", "test"), (bill.State, bill.PayMode));
        Assert.Equal(1, await shop.QueryAsync(db => Task.FromResult(db.PaymentAttempts.Count(a => a.Bill.Reference == order.Reference))));
    }

    [Fact]
    public async Task Sending_a_paid_bill_with_the_free_order_mode_is_refused()
    {
        var order = await _client.PlaceAsync("check", ("MUG-001", 1));
        var send = await _client.GetAsync($"/paymodes/freeorder/send/{order.Reference}");
        Assert.Equal(HttpStatusCode.Conflict, send.StatusCode);
        Assert.Contains("This order is to be paid with Cheque, not Free order.", await send.Content.ReadAsStringAsync());
        Assert.Equal("PLACED", (await _client.BillAsync(order.Reference)).State);
    }

    [Fact]
    public async Task Sending_an_unknown_bill_gives_a_readable_404()
    {
        var send = await _client.GetAsync("/paymodes/check/send/doesnotexist");
        Assert.Equal(HttpStatusCode.NotFound, send.StatusCode);
        Assert.Contains("Order not found", await send.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_bill_is_a_404_problem_and_health_answers()
    {
        var bill = await _client.GetAsync("/api/bills/nope");
        Assert.Equal(HttpStatusCode.NotFound, bill.StatusCode);
        Assert.Equal("application/problem+json", bill.Content.Headers.ContentType?.MediaType);
        var health = await _client.GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal("ok", health.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Abandoned_bills_expire_and_deferred_ones_get_longer()
    {
        var abandoned = await _client.PlaceAsync("test", ("MUG-001", 1));
        var cheque = await _client.PlaceAsync("check", ("MUG-001", 1));
        await _client.SendAsync(cheque);
        await shop.QueryAsync(db => db.Bills.Where(b => b.Reference == abandoned.Reference || b.Reference == cheque.Reference)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.UpdatedAt, DateTime.UtcNow.AddHours(-3))));

        await shop.Service<ExpiryService>().SweepAsync();

        Assert.Equal("CANCELLED", (await _client.BillAsync(abandoned.Reference)).State);
        Assert.Equal("PENDING", (await _client.BillAsync(cheque.Reference)).State);
        var expiry = (await shop.TraceAsync(abandoned.Reference)).Last();
        Assert.Equal(("system", BillState.Placed, BillState.Cancelled), (expiry.Who, expiry.FromState!.Value, expiry.ToState!.Value));
        Assert.StartsWith("expired", expiry.What);

        await shop.QueryAsync(db => db.Bills.Where(b => b.Reference == cheque.Reference)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.UpdatedAt, DateTime.UtcNow.AddDays(-31))));
        await shop.Service<ExpiryService>().SweepAsync();
        Assert.Equal("CANCELLED", (await _client.BillAsync(cheque.Reference)).State);
    }
}
