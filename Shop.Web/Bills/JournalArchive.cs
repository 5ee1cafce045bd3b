using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Shop.PayModes.Core;
using Shop.Web.Data;

namespace Shop.Web.Bills;

/// <summary>
/// Retention for the notification journal (<c>journal archive</c>): old rejected rows, the ones that changed no bill and
/// name none (bad signature, malformed, unknown transaction, too large, refused), are written to an archive file as JSON
/// lines and then removed. Accepted, duplicate, mismatch and unjudged rows, and any row a bill or the idempotency ledger
/// points at, are never touched; the database's triggers refuse every other deletion.
/// </summary>
public sealed class JournalArchive(IDbContextFactory<ShopDbContext> dbs, TimeProvider clock)
{
    /// <summary>The verdicts of notifications that changed nothing. The database trigger names the same ones.</summary>
    public static readonly NotificationVerdict[] Rejected =
    [
        NotificationVerdict.BadSignature, NotificationVerdict.Malformed, NotificationVerdict.UnknownTransaction,
        NotificationVerdict.TooLarge, NotificationVerdict.Refused,
    ];

    /// <summary>The youngest rows retention may take (the trigger's own bound): yesterday's junk is still evidence of today's attack.</summary>
    public const int MinimumDays = 1;

    private const int Batch = 500;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Appends the rejected rows received more than <paramref name="olderThanDays"/> days ago to <paramref name="archivePath"/>
    /// (one JSON object a line), each batch on disk before it leaves the database. Returns how many rows moved.</summary>
    public async Task<int> ArchiveAsync(int olderThanDays, string archivePath, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(olderThanDays, MinimumDays);
        var before = clock.GetUtcNow().UtcDateTime.AddDays(-olderThanDays);
        await using var file = new FileStream(archivePath, FileMode.Append, FileAccess.Write, FileShare.Read);
        await using var writer = new StreamWriter(file);
        var moved = 0;
        long after = 0;
        while (true)
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            var rows = await db.Notifications.AsNoTracking()
                .Where(n => Rejected.Contains(n.Verdict) && n.BillReference == null && n.ReceivedAt < before && n.Id > after
                    && !db.ProcessedNotifications.Any(p => p.JournalId == n.Id))
                .OrderBy(n => n.Id).Take(Batch).ToListAsync(ct);
            if (rows.Count == 0)
                return moved;
            foreach (var row in rows)
                await writer.WriteLineAsync(Line(row));
            await writer.FlushAsync(ct);
            file.Flush(flushToDisk: true);   // on disk before the rows leave the database

            var ids = rows.Select(r => r.Id).ToList();
            moved += await db.Notifications.Where(n => ids.Contains(n.Id)).ExecuteDeleteAsync(ct);
            after = ids[^1];
        }
    }

    private static string Line(NotificationRecord row) => JsonSerializer.Serialize(new
    {
        row.Id,
        row.PayMode,
        ReceivedAt = DateTime.SpecifyKind(row.ReceivedAt, DateTimeKind.Utc),
        row.Method,
        row.ContentType,
        row.RemoteIp,
        row.QueryString,
        Headers = row.Headers is null ? null : JsonNode.Parse(row.Headers),
        row.Body,
        row.BodyIsBase64,
        row.BodyLength,
        row.BodyBounded,
        row.BodySha256,
        row.Truncated,
        Verdict = row.Verdict.ToString(),
        row.Detail,
    }, Json);
}
