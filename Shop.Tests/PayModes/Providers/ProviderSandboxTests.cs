using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Shop.PayModes.Core;
using Shop.Tests.Infrastructure;
using static Shop.Tests.PayModes.Providers.ProviderFlow;

namespace Shop.Tests.PayModes.Providers;

/// <summary>Each provider end to end through its built-in sandbox: request signed by the pay mode, checked and answered by the sandbox.</summary>
public sealed partial class ProviderSandboxTests(ProviderShopFactory shop) : IClassFixture<ProviderShopFactory>
{
    public static TheoryData<string> Providers => ["mercanet", "systempay", "ogone"];

    private readonly HttpClient _client = shop.NoRedirects();

    /// <summary>Shop → sandbox page → the buyer's decision: the sandbox's answer (return form, return redirect or held page).</summary>
    private async Task<(PlacedOrder Order, string DecisionUrl, HttpResponseMessage Answer, string Html)> DecideAsync(string code, string decision)
    {
        var (order, request) = await StartAsync(_client, code);
        Assert.EndsWith($"/sandbox/{code}/pay", request.Action);
        var page = await _client.PostAsync(PathOf(request.Action), request.Content());
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains("34.98 EUR", html, StringComparison.Ordinal);
        var decide = Form(html).Action;
        var answer = await _client.PostAsync(decide, new FormUrlEncodedContent([new("decision", decision)]));
        var answerHtml = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, answerHtml);
        return (order, decide, answer, answerHtml);
    }

    /// <summary>The browser return as the sandbox makes it: a GET redirect (Systempay, Ogone), a link, or a posted form (Mercanet).</summary>
    private async Task<(string Url, HttpResponseMessage Response)> ReturnAsync(HttpResponseMessage answer, string html)
    {
        string url;
        if (answer.StatusCode == HttpStatusCode.Redirect)
            url = answer.Headers.Location!.OriginalString;
        else if (ReturnLink().Match(html) is { Success: true } link)
            url = WebUtility.HtmlDecode(link.Groups["href"].Value);
        else
        {
            var form = Form(html);
            return (form.Action, await _client.PostAsync(PathOf(form.Action), form.Content()));
        }
        return (url, await _client.GetAsync(PathOf(url)));
    }

    [GeneratedRegex("<a id=\"sandbox-return\"[^>]*href=\"(?<href>[^\"]*)\"")]
    private static partial Regex ReturnLink();

    [Theory, MemberData(nameof(Providers))]
    public async Task Sandbox_pay_completes_the_bill_and_the_return_leads_to_the_status_page(string code)
    {
        var (order, _, answer, html) = await DecideAsync(code, "pay");
        Assert.Equal("COMPLETE", await StateAsync(_client, order.Reference));

        var (_, back) = await ReturnAsync(answer, html);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal($"/bills/{order.Reference}", back.Headers.Location?.OriginalString);
        Assert.Equal((1, 1, 1), await DeliveryCountsAsync(shop, order.Reference));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Sandbox_refuse_leaves_the_bill_REFUSED(string code)
    {
        var (order, _, answer, html) = await DecideAsync(code, "refuse");
        Assert.Equal("REFUSED", await StateAsync(_client, order.Reference));
        Assert.Equal(HttpStatusCode.Redirect, (await ReturnAsync(answer, html)).Response.StatusCode);
        Assert.Equal("REFUSED", await StateAsync(_client, order.Reference));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Sandbox_cancel_leaves_the_bill_CANCELLED_and_returns_through_the_cancel_url(string code)
    {
        var (order, _, answer, html) = await DecideAsync(code, "cancel");
        Assert.Equal("CANCELLED", await StateAsync(_client, order.Reference));
        var (url, back) = await ReturnAsync(answer, html);
        // Mercanet has no cancel URL: its buyer cancel comes back to the normal return with code 17.
        Assert.Contains(code == "mercanet" ? $"/paymodes/{code}/return" : $"/paymodes/{code}/cancel", url);
        Assert.Equal($"/bills/{order.Reference}", back.Headers.Location?.OriginalString);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Sandbox_late_notification_returns_first_then_pays_once_whatever_the_duplicates(string code)
    {
        var (order, decide, answer, html) = await DecideAsync(code, "paylate");
        Assert.Contains("held back", html);

        var (_, back) = await ReturnAsync(answer, html);
        Assert.Equal($"/bills/{order.Reference}", back.Headers.Location?.OriginalString);
        Assert.Equal("PLACED", await StateAsync(_client, order.Reference));

        var deliver = decide.Replace("/decide/", "/deliver/", StringComparison.Ordinal);
        var delivered = await _client.PostAsync(deliver, null);
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        Assert.Equal("COMPLETE", await StateAsync(_client, order.Reference));

        // A duplicate and retries of the same notification: answered with success, delivered once.
        var again = await _client.PostAsync(deliver + "?copies=3", null);
        Assert.Contains("[200,200,200]", await again.Content.ReadAsStringAsync());
        Assert.Equal((1, 1, 1), await DeliveryCountsAsync(shop, order.Reference));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Sandbox_pending_then_paid_waits_in_PENDING_then_completes(string code)
    {
        var (order, decide, answer, html) = await DecideAsync(code, "pending");
        Assert.Equal("PENDING", await StateAsync(_client, order.Reference));
        var (_, back) = await ReturnAsync(answer, html);
        Assert.Equal($"/bills/{order.Reference}", back.Headers.Location?.OriginalString);
        Assert.Equal("PENDING", await StateAsync(_client, order.Reference));

        var delivered = await _client.PostAsync(decide.Replace("/decide/", "/deliver/", StringComparison.Ordinal), null);
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        Assert.Equal("COMPLETE", await StateAsync(_client, order.Reference));
    }

    [Fact]
    public async Task Sandbox_deliver_button_answers_with_the_held_page_and_the_shop_answer()
    {
        var (order, decide, _, _) = await DecideAsync("mercanet", "paylate");
        var page = await _client.PostAsync(decide.Replace("/decide/", "/deliver/", StringComparison.Ordinal),
            new FormUrlEncodedContent([new("page", "1")]));
        Assert.Contains("the shop answered 200", await page.Content.ReadAsStringAsync());
        Assert.Equal("COMPLETE", await StateAsync(_client, order.Reference));
    }

    [Fact]
    public async Task A_sandbox_payment_is_decided_once()
    {
        var (_, decide, _, _) = await DecideAsync("ogone", "pay");
        var again = await _client.PostAsync(decide, new FormUrlEncodedContent([new("decision", "refuse")]));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Sandbox_refuses_a_request_whose_signature_was_tampered_with(string code)
    {
        var (_, request) = await StartAsync(_client, code);
        var fields = request.Fields.ToDictionary();
        var amountField = code switch { "mercanet" => "Data", "systempay" => "vads_amount", _ => "AMOUNT" };
        fields[amountField] = code == "mercanet" ? fields["Data"].Replace("amount=3498", "amount=1", StringComparison.Ordinal) : "100";
        var page = await _client.PostAsync(PathOf(request.Action), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("refused", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Mercanet_send_for_a_buyer_with_a_pipe_in_name_and_email_hands_over_and_the_sandbox_takes_the_request()
    {
        var placed = await _client.PostAsJsonAsync("/api/checkout", new
        {
            items = new[] { new { sku = "MUG-001", quantity = 1 } },
            customer = new
            {
                firstName = "Ada|Augusta", lastName = "|Lovelace", email = "ada|king@example.com",
                address = "12 rue de la Paix", zip = "75002", city = "Paris", country = "FR",
            },
            payMode = "mercanet",
        });
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        var order = (await placed.Content.ReadFromJsonAsync<PlacedOrder>(ShopFactory.Json))!;

        var send = await _client.SendAsync(order);

        var html = await send.Content.ReadAsStringAsync();
        Assert.True(send.StatusCode == HttpStatusCode.OK, html);
        var request = Form(html);
        var data = Shop.PayModes.Mercanet.MercanetData.Split(request.Fields["Data"]);
        Assert.Equal("Ada Augusta", data["customerContact.firstname"]);
        Assert.Equal("Lovelace", data["customerContact.lastname"]);
        Assert.DoesNotContain("customerContact.email", data.Keys);
        var page = await _client.PostAsync(PathOf(request.Action), request.Content());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Theory]
    [InlineData("paylate")]
    [InlineData("pay")]
    public async Task SystemPay_sandbox_sends_its_repeated_deliveries_as_RETRY_and_the_shop_takes_them_as_the_same_transaction(string decision)
    {
        var (order, decide, _, _) = await DecideAsync("systempay", decision);
        var deliver = decide.Replace("/decide/", "/deliver/", StringComparison.Ordinal);
        if (decision == "paylate")
            Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync(deliver, null)).StatusCode);

        var again = await _client.PostAsync(deliver + "?copies=2", null);

        Assert.Contains("[200,200]", await again.Content.ReadAsStringAsync());
        var journal = await InDbAsync(shop, db => db.Notifications.Where(n => n.PayMode == "systempay" && n.BillReference == order.Reference)
            .OrderBy(n => n.Id).Select(n => new { n.Body, n.Verdict }).ToListAsync());
        string Source(string body) => Shop.PayModes.Core.FormBody.Parse(body).Single(f => f.Key == "vads_url_check_src").Value;
        Assert.Equal([("PAY", NotificationVerdict.Accepted), ("RETRY", NotificationVerdict.Duplicate), ("RETRY", NotificationVerdict.Duplicate)],
            journal.Select(n => (Source(n.Body), n.Verdict)));
        Assert.Equal("COMPLETE", await StateAsync(_client, order.Reference));
        Assert.Equal((1, 1, 1), await DeliveryCountsAsync(shop, order.Reference));
    }

    [Fact]
    public async Task SystemPay_trans_id_comes_from_the_daily_sequence_and_names_the_attempt()
    {
        var (_, first) = await StartAsync(_client, "systempay");
        var (_, second) = await StartAsync(_client, "systempay");
        Assert.Matches("^[0-9]{6}$", first.Fields["vads_trans_id"]);
        Assert.Equal(int.Parse(first.Fields["vads_trans_id"]) + 1, int.Parse(second.Fields["vads_trans_id"]));
        Assert.Equal(first.Fields["vads_trans_date"][..8], DateTime.UtcNow.ToString("yyyyMMdd"));
    }
}

/// <summary>Outside test mode there is no sandbox, and a provider without a payment page URL is not offered.</summary>
public sealed class ProviderLiveModeTests(LiveProviderShopFactory shop) : IClassFixture<LiveProviderShopFactory>
{
    [Theory, MemberData(nameof(ProviderSandboxTests.Providers), MemberType = typeof(ProviderSandboxTests))]
    public async Task Sandbox_answers_404_and_the_mode_is_not_offered_without_a_payment_url(string code)
    {
        var client = shop.NoRedirects();
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/sandbox/{code}/pay", new FormUrlEncodedContent([]))).StatusCode);
        var checkout = await client.PostAsync("/api/checkout", System.Net.Http.Json.JsonContent.Create(ShopApiClient.Order(code, ("MUG-001", 1))));
        Assert.Equal(HttpStatusCode.BadRequest, checkout.StatusCode);
    }
}
