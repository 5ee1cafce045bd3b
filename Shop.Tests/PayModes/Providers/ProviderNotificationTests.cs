using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Shop.PayModes.Core;
using Shop.Tests.Infrastructure;
using static Shop.Tests.PayModes.Providers.ProviderFlow;

namespace Shop.Tests.PayModes.Providers;

/// <summary>
/// The notification matrix, once per provider: hand-built messages signed with the sandbox signers and the
/// sandbox credentials (the modes run in the sandbox world), posted to <c>/paymodes/{code}/notify</c> through the shared pipeline.
/// </summary>
public sealed class ProviderNotificationTests(ProviderShopFactory shop) : IClassFixture<ProviderShopFactory>
{
    public static TheoryData<string> Providers => ProviderSandboxTests.Providers;

    private readonly HttpClient _client = shop.NoRedirects();

    private async Task<(PlacedOrder Order, PostedForm Request, IProviderMessages Messages)> StartAsync(string code)
    {
        var (order, request) = await ProviderFlow.StartAsync(_client, code);
        return (order, request, IProviderMessages.For(code, shop));
    }

    private async Task<HttpStatusCode> NotifyAsync(string code, string body) => (await ProviderFlow.NotifyAsync(_client, code, body)).StatusCode;

    [Theory, MemberData(nameof(Providers))]
    public async Task Paid_notification_pays_and_delivers_the_bill(string code)
    {
        var (order, request, messages) = await StartAsync(code);
        Assert.Equal(HttpStatusCode.OK, await NotifyAsync(code, messages.Build(request.Fields, new(ProviderStatus.Paid))));
        var bill = await _client.BillAsync(order.Reference);
        Assert.Equal("COMPLETE", bill.State);
        Assert.Equal(bill.Total, bill.PaidAmount);
    }

    [Theory]
    [InlineData("mercanet", ProviderStatus.Refused, "REFUSED")]
    [InlineData("mercanet", ProviderStatus.Cancelled, "CANCELLED")]
    [InlineData("systempay", ProviderStatus.Refused, "REFUSED")]
    [InlineData("systempay", ProviderStatus.Cancelled, "CANCELLED")]
    [InlineData("ogone", ProviderStatus.Refused, "REFUSED")]
    [InlineData("ogone", ProviderStatus.Cancelled, "CANCELLED")]
    public async Task Unsuccessful_notification_moves_the_bill_without_paying(string code, ProviderStatus status, string state)
    {
        var (order, request, messages) = await StartAsync(code);
        Assert.Equal(HttpStatusCode.OK, await NotifyAsync(code, messages.Build(request.Fields, new(status))));
        var bill = await _client.BillAsync(order.Reference);
        Assert.Equal(state, bill.State);
        Assert.Equal(0, bill.PaidAmount);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Pending_then_paid_waits_in_PENDING_then_completes(string code)
    {
        var (order, request, messages) = await StartAsync(code);
        Assert.Equal(HttpStatusCode.OK, await NotifyAsync(code, messages.Build(request.Fields, new(ProviderStatus.Pending))));
        Assert.Equal("PENDING", await StateAsync(_client, order.Reference));
        Assert.Equal(HttpStatusCode.OK, await NotifyAsync(code, messages.Build(request.Fields, new(ProviderStatus.Paid))));
        Assert.Equal("COMPLETE", await StateAsync(_client, order.Reference));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Bad_signature_is_rejected_with_400_leaves_the_bill_and_is_journaled(string code)
    {
        var (order, request, messages) = await StartAsync(code);
        var before = await JournalCountAsync(shop, code, NotificationVerdict.BadSignature);
        var forged = messages.Tamper(messages.Build(request.Fields, new(ProviderStatus.Paid)));
        Assert.Equal(HttpStatusCode.BadRequest, await NotifyAsync(code, forged));
        Assert.Equal("PLACED", await StateAsync(_client, order.Reference));
        Assert.Equal(before + 1, await JournalCountAsync(shop, code, NotificationVerdict.BadSignature));
    }

    [Theory]
    [InlineData("mercanet", "amount")]
    [InlineData("mercanet", "currency")]
    [InlineData("mercanet", "merchant")]
    [InlineData("systempay", "amount")]
    [InlineData("systempay", "currency")]
    [InlineData("systempay", "merchant")]
    [InlineData("ogone", "amount")]
    [InlineData("ogone", "currency")]
    public async Task Valid_signature_with_foreign_amount_currency_or_merchant_never_pays_and_flags(string code, string wrong)
    {
        var (order, request, messages) = await StartAsync(code);
        var spec = wrong switch
        {
            "amount" => new MessageSpec(ProviderStatus.Paid, Amount: 100),
            "currency" => new MessageSpec(ProviderStatus.Paid, Currency: "USD"),
            _ => new MessageSpec(ProviderStatus.Paid, Merchant: code == "mercanet" ? "002001000000002" : "87654321"),
        };
        Assert.Equal(HttpStatusCode.OK, await NotifyAsync(code, messages.Build(request.Fields, spec)));
        var row = await BillRowAsync(shop, order.Reference);
        Assert.Equal(BillState.Placed, row.State);
        Assert.True(row.Flagged);
        Assert.Contains(wrong, row.FlagReason);
    }

    [Theory]
    [InlineData(ProviderStatus.Refused, "REFUSED")]
    [InlineData(ProviderStatus.Paid, "COMPLETE")]
    public async Task Ogone_feedback_parameters_outside_SHA_OUT_are_ignored_and_cannot_change_the_outcome(ProviderStatus status, string state)
    {
        var (order, request, messages) = await StartAsync("ogone");
        var (other, _, _) = await StartAsync("ogone");
        var signed = messages.Build(request.Fields, new(status));
        // Unsigned: a merchant id Ogone never sends, PARAMPLUS and a key it would bring back, each claiming another outcome or bill.
        var forged = signed + "&PSPID=AnotherPSPID&PARAMPLUS=" + Uri.EscapeDataString("STATUS=9&amount=0.01")
            + "&bill=" + Uri.EscapeDataString(other.Reference) + "&status_override=9";

        Assert.Equal(HttpStatusCode.OK, await NotifyAsync("ogone", forged));

        var row = await BillRowAsync(shop, order.Reference);
        Assert.Equal(state, row.State.ToWire());
        Assert.False(row.Flagged, row.FlagReason);
        Assert.Equal(status == ProviderStatus.Paid ? row.Total : 0, row.PaidAmount);
        Assert.Equal("PLACED", await StateAsync(_client, other.Reference));
        // The extra parameters are not a second, different message: the signed one again is a duplicate.
        Assert.Equal(HttpStatusCode.OK, await NotifyAsync("ogone", signed));
        Assert.Equal(NotificationVerdict.Duplicate, await InDbAsync(shop, db => db.Notifications.Where(n => n.BillReference == order.Reference)
            .OrderByDescending(n => n.Id).Select(n => n.Verdict).FirstAsync()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Same_notification_ten_times_is_delivered_once_and_always_answered_200(string code)
    {
        var (order, request, messages) = await StartAsync(code);
        var body = messages.Build(request.Fields, new(ProviderStatus.Paid));
        for (var i = 0; i < 10; i++)
            Assert.Equal(HttpStatusCode.OK, await NotifyAsync(code, body));
        Assert.Equal("COMPLETE", await StateAsync(_client, order.Reference));
        Assert.Equal((1, 1, 1), await DeliveryCountsAsync(shop, order.Reference));
        Assert.Equal(9, await JournalCountAsync(shop, code, NotificationVerdict.Duplicate) - await DuplicatesBeforeAsync(code, order.Reference));
    }

    private Task<int> DuplicatesBeforeAsync(string code, string reference) =>
        InDbAsync(shop, db => Task.FromResult(db.Notifications.Count(n => n.PayMode == code && n.Verdict == NotificationVerdict.Duplicate && n.BillReference != reference)));

    [Theory, MemberData(nameof(Providers))]
    public async Task Twenty_concurrent_copies_are_delivered_once(string code)
    {
        var (order, request, messages) = await StartAsync(code);
        var body = messages.Build(request.Fields, new(ProviderStatus.Paid));
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => NotifyAsync(code, body)));
        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal("COMPLETE", await StateAsync(_client, order.Reference));
        Assert.Equal((1, 1, 1), await DeliveryCountsAsync(shop, order.Reference));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Browser_return_never_pays_before_or_after_the_notification(string code)
    {
        var (order, request, messages) = await StartAsync(code);
        var paid = messages.Build(request.Fields, new(ProviderStatus.Paid));
        var returnUrl = $"/paymodes/{code}/return?bill={Uri.EscapeDataString(order.Reference)}";

        var early = await _client.PostAsync(returnUrl, new StringContent(paid, Encoding.UTF8, FormContentType));
        Assert.Equal(HttpStatusCode.Redirect, early.StatusCode);
        Assert.Equal($"/bills/{order.Reference}", early.Headers.Location?.OriginalString);
        Assert.Equal("PLACED", await StateAsync(_client, order.Reference));

        Assert.Equal(HttpStatusCode.OK, await NotifyAsync(code, paid));
        var late = await _client.PostAsync(returnUrl, new StringContent(paid, Encoding.UTF8, FormContentType));
        Assert.Equal(HttpStatusCode.Redirect, late.StatusCode);
        Assert.Equal((1, 1, 1), await DeliveryCountsAsync(shop, order.Reference));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Return_with_data_finds_the_bill_through_the_attempt_and_a_forged_one_is_not_followed(string code)
    {
        var (order, request, messages) = await StartAsync(code);
        var paid = messages.Build(request.Fields, new(ProviderStatus.Paid));
        var found = await _client.PostAsync($"/paymodes/{code}/return", new StringContent(paid, Encoding.UTF8, FormContentType));
        Assert.Equal($"/bills/{order.Reference}", found.Headers.Location?.OriginalString);

        var forged = await _client.PostAsync($"/paymodes/{code}/return", new StringContent(messages.Tamper(paid), Encoding.UTF8, FormContentType));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("PLACED", await StateAsync(_client, order.Reference));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Payment_notified_after_a_cancel_is_flagged_and_not_delivered(string code)
    {
        var (order, request, messages) = await StartAsync(code);
        Assert.Equal(HttpStatusCode.OK, await NotifyAsync(code, messages.Build(request.Fields, new(ProviderStatus.Cancelled))));
        Assert.Equal(HttpStatusCode.OK, await NotifyAsync(code, messages.Build(request.Fields, new(ProviderStatus.Paid))));
        var row = await BillRowAsync(shop, order.Reference);
        Assert.Equal(BillState.Cancelled, row.State);
        Assert.True(row.Flagged);
        Assert.Equal(0, (await DeliveryCountsAsync(shop, order.Reference)).Deliveries);
    }

    [Fact]
    public async Task Ogone_post_sale_request_by_GET_is_verified_like_a_POST()
    {
        var (order, request, messages) = await StartAsync("ogone");
        var query = messages.Build(request.Fields, new(ProviderStatus.Paid));
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/paymodes/ogone/notify?{query}")).StatusCode);
        Assert.Equal("COMPLETE", await StateAsync(_client, order.Reference));
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync($"/paymodes/ogone/notify?{messages.Tamper(query)}")).StatusCode);
    }

    public static TheoryData<string, string> BrokenBodies()
    {
        var data = new TheoryData<string, string>();
        foreach (var code in new[] { "mercanet", "systempay", "ogone" })
            foreach (var kind in new[] { "truncated", "empty", "non-utf8", "oversized", "garbage" })
                data.Add(code, kind);
        return data;
    }

    [Theory, MemberData(nameof(BrokenBodies))]
    public async Task Broken_bodies_get_a_4xx_never_a_5xx_and_change_nothing(string code, string kind)
    {
        var (order, request, messages) = await StartAsync(code);
        var body = Encoding.UTF8.GetBytes(messages.Build(request.Fields, new(ProviderStatus.Paid)));
        byte[] sent = kind switch
        {
            "truncated" => body[..(body.Length * 2 / 3)],
            "empty" => [],
            "non-utf8" => [.. body[..20], 0xC3, 0x28, 0xFF, .. body[20..]],
            "oversized" => [.. body, .. Encoding.ASCII.GetBytes("&pad=" + new string('x', 70 * 1024))],
            _ => Encoding.ASCII.GetBytes("%%%&&=%zz"),
        };
        var status = (int)(await ProviderFlow.NotifyAsync(_client, code, sent)).StatusCode;
        Assert.InRange(status, 400, 499);
        Assert.Equal("PLACED", await StateAsync(_client, order.Reference));
    }
}
