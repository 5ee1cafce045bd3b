using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Shop.PayModes.Core;
using Shop.Web.Data;
using Shop.Web.Hosting;

namespace Shop.Tests.Journal;

/// <summary>
/// Retention (<c>journal archive</c>): old rejected notifications go to an archive file and leave the database; nothing
/// accepted, duplicate, mismatched, unjudged or linked to a bill ever does, and the database allows no other deletion.
/// </summary>
public sealed class JournalArchiveTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("shop-archive-").FullName;

    private string ArchivePath => Path.Combine(_dir, "journal-archive.jsonl");

    private ShopDbContext Database() =>
        new(new DbContextOptionsBuilder<ShopDbContext>().UseSqlite($"Data Source={Path.Combine(_dir, "shop.db")}").Options);

    private async Task<(int? Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = await CommandLine.TryRunAsync([.. args, $"--Shop:DataDirectory={_dir}"], output, error);
        SqliteConnection.ClearAllPools();
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Rows of every kind, old and young, keyed by what they are.</summary>
    private async Task<Dictionary<string, long>> SeedAsync()
    {
        await using var db = Database();
        await db.Database.MigrateAsync();
        var old = DateTime.UtcNow.AddDays(-40);
        var rows = new Dictionary<string, NotificationRecord>
        {
            ["bad signature"] = Row(old, NotificationVerdict.BadSignature),
            ["unknown transaction"] = Row(old, NotificationVerdict.UnknownTransaction),
            ["too large"] = Row(old, NotificationVerdict.TooLarge),
            ["refused"] = Row(old, NotificationVerdict.Refused),
            ["accepted"] = Row(old, NotificationVerdict.Accepted, "bill-accepted"),
            ["duplicate"] = Row(old, NotificationVerdict.Duplicate, "bill-accepted"),
            ["mismatch"] = Row(old, NotificationVerdict.Mismatch, "bill-flagged"),
            ["refused after paying"] = Row(old, NotificationVerdict.Refused),
            ["unjudged"] = Row(old, NotificationVerdict.Received),
            ["young bad signature"] = Row(DateTime.UtcNow.AddDays(-10), NotificationVerdict.BadSignature),
            ["fresh bad signature"] = Row(DateTime.UtcNow.AddHours(-1), NotificationVerdict.BadSignature),
        };
        db.Notifications.AddRange(rows.Values);
        await db.SaveChangesAsync();
        // Refused for the provider, yet the idempotency ledger points at it: it paid a bill before something failed.
        db.ProcessedNotifications.Add(new ProcessedNotification { PayMode = "systempay", IdempotencyKey = "k-1", BillId = 1, JournalId = rows["refused after paying"].Id, At = old });
        await db.SaveChangesAsync();
        SqliteConnection.ClearAllPools();
        return rows.ToDictionary(r => r.Key, r => r.Value.Id);
    }

    private static NotificationRecord Row(DateTime at, NotificationVerdict verdict, string? bill = null) => new()
    {
        PayMode = "systempay", ReceivedAt = at, Method = "POST", ContentType = "application/x-www-form-urlencoded", RemoteIp = "198.51.100.4",
        Body = $"vads_junk={verdict}", BodyLength = 20, Verdict = verdict, Detail = verdict.ToString(), BillReference = bill,
    };

    [Fact]
    public async Task Old_rejected_rows_go_to_the_archive_and_leave_the_journal_and_nothing_else_does()
    {
        var ids = await SeedAsync();

        var (exit, output, error) = await RunAsync("journal", "archive", "--older-than", "30", "--to", ArchivePath);

        Assert.True(exit == 0, error);
        Assert.Equal($"journal archive: 4 rejected notifications older than 30 days written to {ArchivePath} and removed from the journal.", output.Trim());
        string[] archived = ["bad signature", "unknown transaction", "too large", "refused"];
        var lines = await File.ReadAllLinesAsync(ArchivePath);
        Assert.Equal(archived.Select(k => ids[k]).Order(), lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetInt64()).Order());
        var first = JsonDocument.Parse(lines[0]).RootElement;
        Assert.Equal("vads_junk=BadSignature", first.GetProperty("body").GetString());
        Assert.Equal("BadSignature", first.GetProperty("verdict").GetString());
        Assert.Equal("198.51.100.4", first.GetProperty("remoteIp").GetString());

        await using var db = Database();
        var left = await db.Notifications.Select(n => n.Id).ToListAsync();
        Assert.Equal(ids.Where(r => !archived.Contains(r.Key)).Select(r => r.Value).Order(), left.Order());

        // Run again: nothing more to move, and the archive keeps what it had.
        var again = await RunAsync("journal", "archive", "--older-than", "30", "--to", ArchivePath);
        Assert.Equal(0, again.Exit);
        Assert.StartsWith("journal archive: 0 rejected notifications", again.Out);
        Assert.Equal(4, (await File.ReadAllLinesAsync(ArchivePath)).Length);
    }

    [Fact]
    public async Task The_database_refuses_every_other_deletion_from_the_journal()
    {
        var ids = await SeedAsync();
        await using var db = Database();

        // A rejected row less than a day old is still evidence: the trigger keeps it whatever a command asks.
        foreach (var kept in new[] { "accepted", "duplicate", "mismatch", "refused after paying", "unjudged", "fresh bad signature" })
            await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlAsync($"DELETE FROM Notifications WHERE Id = {ids[kept]}"));
        await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM Notifications"));
        Assert.Equal(ids.Count, await db.Notifications.CountAsync());
        // Retention's own deletion is the one it allows.
        Assert.Equal(1, await db.Database.ExecuteSqlAsync($"DELETE FROM Notifications WHERE Id = {ids["bad signature"]}"));
    }

    [Theory]
    [InlineData("journal")]
    [InlineData("journal", "purge")]
    [InlineData("journal", "archive", "--to", "archive.jsonl")]
    [InlineData("journal", "archive", "--older-than", "30")]
    [InlineData("journal", "archive", "--older-than", "0", "--to", "archive.jsonl")]
    [InlineData("journal", "archive", "--older-than", "-3", "--to", "archive.jsonl")]
    [InlineData("journal", "archive", "--older-than", "a week", "--to", "archive.jsonl")]
    [InlineData("journal", "archive", "--older-than")]
    public async Task Bad_usage_exits_with_code_2_and_says_how(params string[] args)
    {
        var (exit, _, error) = await RunAsync(args);
        Assert.Equal(2, exit);
        Assert.Contains("usage: journal archive --older-than <days> --to <file>", error);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { /* the OS cleans temp */ }
    }
}
