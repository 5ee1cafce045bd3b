using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.Core;
using Shop.Tests.Infrastructure;
using Shop.Tests.PayModes.Providers;
using Shop.Web.Admin;
using Shop.Web.Bills;
using Shop.Web.Data;

namespace Shop.Tests.Journal;

/// <summary>What a journal row keeps of a notification: bounded, enough to judge it again, no credentials; and what the database lets change.</summary>
public sealed class NotificationJournalTests(ProviderShopFactory shop) : IClassFixture<ProviderShopFactory>
{
    private readonly HttpClient _client = shop.NoRedirects();

    private async Task<NotificationRecord> PostAsync(byte[] body, Action<HttpRequestMessage>? headers = null, string query = "")
    {
        var before = await LastIdAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/paymodes/systempay/notify" + query) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new(ProviderFlow.FormContentType);
        headers?.Invoke(request);
        var response = await _client.SendAsync(request);
        Assert.InRange((int)response.StatusCode, 400, 499);
        return await shop.QueryAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.Id > before && n.PayMode == "systempay" && n.BodyLength == body.Length));
    }

    private Task<long> LastIdAsync() => shop.QueryAsync(db => db.Notifications.MaxAsync(n => (long?)n.Id)).ContinueWith(t => t.Result ?? 0);

    [Fact]
    public async Task A_junk_body_over_the_bound_keeps_only_its_start_with_the_hash_and_length_of_the_whole()
    {
        var junk = Encoding.ASCII.GetBytes("vads_junk=" + new string('x', 40_000));

        var row = await PostAsync(junk);

        Assert.True(row.BodyBounded);
        Assert.Equal(NotificationJournal.MaxStoredBodyBytes, row.Body.Length);
        Assert.StartsWith("vads_junk=xxx", row.Body);
        Assert.Equal(junk.Length, row.BodyLength);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(junk)), row.BodySha256);
        Assert.NotEqual(NotificationVerdict.Received, row.Verdict);
    }

    [Fact]
    public async Task A_body_over_what_the_shop_reads_is_refused_and_stored_bounded_too()
    {
        var junk = Encoding.ASCII.GetBytes("vads_junk=" + new string('y', 200_000));

        var before = await LastIdAsync();
        var response = await ProviderFlow.NotifyAsync(_client, "systempay", junk);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var row = await shop.QueryAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.Id > before && n.Truncated));
        Assert.Equal(NotificationVerdict.TooLarge, row.Verdict);
        Assert.True(row.BodyBounded);
        Assert.Equal(NotificationPipeline.MaxBodyBytes, row.BodyLength);
        Assert.True(row.Body.Length <= NotificationJournal.MaxStoredBodyBytes);
    }

    [Fact]
    public async Task A_body_that_is_text_stays_text_when_the_bound_cuts_inside_a_character()
    {
        // 'é' is two bytes in UTF-8: the bound falls in the middle of one.
        var text = Encoding.UTF8.GetBytes("vads_junk=" + new string('a', NotificationJournal.MaxStoredBodyBytes - 11) + new string('é', 5000));

        var row = await PostAsync(text);

        Assert.False(row.BodyIsBase64);
        Assert.True(row.BodyBounded);
        Assert.InRange(Encoding.UTF8.GetByteCount(row.Body), NotificationJournal.MaxStoredBodyBytes - 3, NotificationJournal.MaxStoredBodyBytes);
    }

    [Fact]
    public async Task A_row_keeps_its_query_and_headers_but_never_cookies_or_credentials_and_gives_back_the_notification()
    {
        var body = Encoding.UTF8.GetBytes("vads_amount=100&signature=abc");

        var row = await PostAsync(body, request =>
        {
            request.Headers.Add("Cookie", ".AspNetCore.Identity.Application=secret-session");
            request.Headers.Authorization = new("Basic", "Y2xpZW50OnNlY3JldA==");
            request.Headers.Add("X-Api-Key", "key-123");
            request.Headers.Add("X-Auth-Token", "token-456");
            request.Headers.Add("PAYPAL-TRANSMISSION-SIG", "sig-that-judging-again-needs");
        }, query: "?retry=2");

        Assert.False(row.BodyBounded);
        Assert.Equal("?retry=2", row.QueryString);
        var headers = JsonSerializer.Deserialize<Dictionary<string, string>>(row.Headers!)!;
        Assert.Equal("sig-that-judging-again-needs", headers["PAYPAL-TRANSMISSION-SIG"]);
        Assert.Contains(headers.Keys, name => name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase));
        foreach (var secret in new[] { "secret-session", "Y2xpZW50OnNlY3JldA==", "key-123", "token-456" })
            Assert.DoesNotContain(secret, row.Headers);

        var raw = NotificationJournal.RawOf(row, out var missing);
        Assert.Null(missing);
        Assert.NotNull(raw);
        Assert.Equal(body, raw.Body);
        Assert.Equal("POST", raw.Method);
        Assert.Equal("?retry=2", raw.QueryString);
        Assert.Equal("sig-that-judging-again-needs", raw.Headers["paypal-transmission-sig"]);
    }

    [Fact]
    public async Task The_admin_sees_the_kept_headers_with_signatures_hidden_and_the_hash_of_a_bounded_body()
    {
        var junk = Encoding.ASCII.GetBytes("vads_junk=" + new string('z', 30_000));
        var row = await PostAsync(junk, request => request.Headers.Add("PAYPAL-TRANSMISSION-SIG", "c2lnbmF0dXJl"), query: "?vads_card=4970100000000000");

        var shown = (await shop.InScopeAsync(sp => sp.GetRequiredService<AdminBills>().DashboardAsync())).RecentFailures.Single(n => n.Id == row.Id);

        Assert.Contains("PAYPAL-TRANSMISSION-SIG: [redacted]", shown.RedactedHeaders);
        Assert.DoesNotContain("c2lnbmF0dXJl", shown.RedactedHeaders);
        Assert.Equal("vads_card=[redacted]", shown.RedactedQuery);
        Assert.Equal(row.BodySha256, shown.BodySha256);
    }

    [Fact]
    public async Task The_database_lets_a_verdict_be_written_once_and_nothing_else_change()
    {
        var body = Encoding.UTF8.GetBytes("vads_amount=200&signature=def");
        var row = await PostAsync(body);
        await using var db = await shop.Service<IDbContextFactory<ShopDbContext>>().CreateDbContextAsync();

        // Fixed statements, no input in them.
        string[] changes =
        [
            "UPDATE Notifications SET Verdict = 'Accepted' WHERE Id = {0}", "UPDATE Notifications SET Headers = '{{}}' WHERE Id = {0}",
            "UPDATE Notifications SET QueryString = '?x=1' WHERE Id = {0}", "UPDATE Notifications SET BodySha256 = '' WHERE Id = {0}",
            "UPDATE Notifications SET BodyBounded = 1 WHERE Id = {0}", "UPDATE Notifications SET Body = 'x' WHERE Id = {0}",
        ];
        foreach (var change in changes)
        {
            var refused = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync(change, row.Id));
            Assert.Contains(change.Contains("Verdict") ? "written once" : "never changes", refused.Message);
        }
        // Young, or accepted: no deletion.
        var deleted = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlAsync($"DELETE FROM Notifications WHERE Id = {row.Id}"));
        Assert.Contains("journal archive", deleted.Message);
    }
}
