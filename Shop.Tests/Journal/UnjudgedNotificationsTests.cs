using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.Core;
using Shop.Tests.Infrastructure;
using Shop.Tests.PayModes.Providers;

namespace Shop.Tests.Journal;

/// <summary>The shop with the providers, on a data directory that outlives it (a stop, then a start).</summary>
/// <summary>
/// SystemPay on a provider's test platform (a payment URL, TEST context): its notifications are signed with the configured
/// key, which outlives a restart (the built-in sandbox's credentials are new at each start, so a sandbox message left
/// unjudged is refused after one).
/// </summary>
public sealed class RestartingShopFactory(string dataDirectory) : ProviderShopFactory(OnTestPlatform(), dataDirectory)
{
    private static Dictionary<string, string?> OnTestPlatform()
    {
        var settings = ProviderAccounts.Settings();
        settings["PayModes:systempay:PaymentUrl"] = "https://paiement.systempay.fr/vads-payment/";
        return settings;
    }
}

/// <summary>Crash leftovers: a notification journaled but never judged (the shop stopped in between) is judged at the next start.</summary>
public sealed class UnjudgedNotificationsTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("shop-restart-").FullName;

    [Fact]
    public async Task A_valid_notification_left_Received_by_a_stop_is_judged_at_the_next_start_and_pays_its_bill()
    {
        string reference;
        long paidRow, boundedRow;
        await using (var before = new RestartingShopFactory(_dataDirectory))
        {
            var client = before.NoRedirects();
            var (order, request) = await ProviderFlow.StartAsync(client, "systempay");
            reference = order.Reference;
            var paid = IProviderMessages.Configured("systempay").Build(request.Fields, new(ProviderStatus.Paid));
            // What a stop between journaling and judging leaves behind: the rows, at Received.
            paidRow = await JournalOnlyAsync(before, paid);
            boundedRow = await JournalOnlyAsync(before, paid + "&vads_padding=" + new string('x', 20_000));
            Assert.Equal("PLACED", await ProviderFlow.StateAsync(client, reference));
        }

        await using var after = new RestartingShopFactory(_dataDirectory);
        var restarted = after.NoRedirects();
        var paidVerdict = await VerdictOnceJudgedAsync(after, paidRow);
        var boundedVerdict = await VerdictOnceJudgedAsync(after, boundedRow);

        Assert.Equal(NotificationVerdict.Accepted, paidVerdict.Verdict);
        Assert.Contains("judged again", paidVerdict.Detail);
        Assert.Equal("COMPLETE", await ProviderFlow.StateAsync(restarted, reference));
        Assert.Equal((1, 1, 1), await ProviderFlow.DeliveryCountsAsync(after, reference));
        // Only the start of that body was kept: it gets a verdict without being judged (the provider sends it again).
        Assert.Equal(NotificationVerdict.Refused, boundedVerdict.Verdict);
        Assert.Contains("cannot be judged again", boundedVerdict.Detail);

        // The provider's own retry, when it comes, changes nothing more.
        var retry = await ProviderFlow.NotifyAsync(restarted, "systempay", await after.QueryAsync(db => db.Notifications.Where(n => n.Id == paidRow).Select(n => n.Body).SingleAsync()));
        Assert.Equal(System.Net.HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal((1, 1, 1), await ProviderFlow.DeliveryCountsAsync(after, reference));
    }

    private static Task<long> JournalOnlyAsync(ShopFactory shop, string body) =>
        shop.InScopeAsync(sp => sp.GetRequiredService<INotificationJournal>().AppendAsync(new JournalEntry(
            "systempay", DateTime.UtcNow, "POST", ProviderFlow.FormContentType, "203.0.113.5", Encoding.UTF8.GetBytes(body), false)));

    private static async Task<(NotificationVerdict Verdict, string Detail)> VerdictOnceJudgedAsync(ShopFactory shop, long id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var row = await shop.QueryAsync(db => db.Notifications.AsNoTracking().Where(n => n.Id == id).Select(n => new { n.Verdict, n.Detail }).SingleAsync());
            if (row.Verdict != NotificationVerdict.Received)
                return (row.Verdict, row.Detail ?? "");
            Assert.True(DateTime.UtcNow < deadline, $"notification {id} is still unjudged after the restart");
            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); }
        catch (IOException) { /* the OS cleans temp */ }
    }
}
