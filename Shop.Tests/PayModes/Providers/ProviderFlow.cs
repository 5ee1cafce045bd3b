using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Shop.PayModes.Core;
using Shop.Tests.Infrastructure;
using Shop.Web.Data;

namespace Shop.Tests.PayModes.Providers;

/// <summary>An auto-posting HTML form: where it goes and what it carries.</summary>
public sealed record PostedForm(string Action, IReadOnlyDictionary<string, string> Fields)
{
    public FormUrlEncodedContent Content() => new(Fields);
}

/// <summary>The steps of a provider payment, over HTTP against the test server.</summary>
public static partial class ProviderFlow
{
    public const string FormContentType = "application/x-www-form-urlencoded";

    /// <summary>Places an order for the mode and follows its pay URL: the form the shop auto-posts to the provider.</summary>
    public static async Task<(PlacedOrder Order, PostedForm Request)> StartAsync(HttpClient client, string code)
    {
        var order = await client.PlaceAsync(code, ("MUG-001", 1), ("NOTE-003", 1));
        var response = await client.SendAsync(order);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"send answered {(int)response.StatusCode}: {html}");
        return (order, Form(html));
    }

    /// <summary>The first form of the page.</summary>
    public static PostedForm Form(string html)
    {
        var start = html.IndexOf("<form", StringComparison.Ordinal);
        var end = html.IndexOf("</form>", StringComparison.Ordinal);
        if (start >= 0 && end > start)
            html = html[start..end];
        var action = ActionPattern().Match(html);
        Assert.True(action.Success, $"no form in: {html}");
        var fields = InputPattern().Matches(html).ToDictionary(
            m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        return new PostedForm(WebUtility.HtmlDecode(action.Groups["action"].Value), fields);
    }

    public static string PathOf(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.PathAndQuery : url;

    public static Task<HttpResponseMessage> NotifyAsync(HttpClient client, string code, string body) =>
        client.PostAsync($"/paymodes/{code}/notify", new StringContent(body, Encoding.UTF8, FormContentType));

    public static Task<HttpResponseMessage> NotifyAsync(HttpClient client, string code, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(FormContentType);
        return client.PostAsync($"/paymodes/{code}/notify", content);
    }

    public static async Task<string> StateAsync(HttpClient client, string reference) => (await client.BillAsync(reference)).State;

    public static async Task<T> InDbAsync<T>(ShopFactory shop, Func<ShopDbContext, Task<T>> query)
    {
        await using var db = await shop.Service<IDbContextFactory<ShopDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    public static Task<Bill> BillRowAsync(ShopFactory shop, string reference) =>
        InDbAsync(shop, db => db.Bills.AsNoTracking().SingleAsync(b => b.Reference == reference));

    /// <summary>How many times the most delivered line was delivered after payment, and the SOLDOUT and COMPLETE trace lines.</summary>
    public static async Task<(int Deliveries, int SoldOut, int Complete)> DeliveryCountsAsync(ShopFactory shop, string reference)
    {
        var bill = await BillRowAsync(shop, reference);
        return await InDbAsync(shop, async db => (
            (await db.FulfilmentRecords.Where(f => f.BillId == bill.Id && f.Phase == FulfilmentPhase.AfterPayment).Select(f => f.LineNo).ToListAsync())
                .GroupBy(line => line).Select(g => g.Count()).DefaultIfEmpty(0).Max(),
            await db.BillTraces.CountAsync(t => t.BillId == bill.Id && t.ToState == BillState.SoldOut),
            await db.BillTraces.CountAsync(t => t.BillId == bill.Id && t.ToState == BillState.Complete)));
    }

    public static Task<int> JournalCountAsync(ShopFactory shop, string code, NotificationVerdict verdict) =>
        InDbAsync(shop, db => db.Notifications.CountAsync(n => n.PayMode == code && n.Verdict == verdict));

    [GeneratedRegex("<form[^>]*action=\"(?<action>[^\"]*)\"")]
    private static partial Regex ActionPattern();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]*)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex InputPattern();
}
