using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Shop.PayModes.Core;
using Shop.Web.Data;
using Shop.Web.Hosting;

namespace Shop.Web.Bills;

/// <summary>
/// The notification journal in the database. A row keeps what judging the notification again needs (method, content
/// type, body, query, headers, remote address), bounded: junk cannot fill the disk at the size of a request.
/// </summary>
public sealed class NotificationJournal(IDbContextFactory<ShopDbContext> dbs, FreeDiskGuard disk) : INotificationJournal
{
    /// <summary>
    /// Bodies up to this size are kept whole. Real notifications are far smaller (a bank's signed form is
    /// 1–3 KB, a JSON webhook event 2–6 KB); a larger body keeps its first bytes, with the SHA-256 and length of the whole.
    /// </summary>
    public const int MaxStoredBodyBytes = 16 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public async Task<long> AppendAsync(JournalEntry entry, CancellationToken ct = default)
    {
        disk.ThrowIfFull(StorageUse.Notification);
        var bounded = entry.Body.Length > MaxStoredBodyBytes;
        var (body, isBase64) = Text(bounded ? entry.Body[..Utf8Boundary(entry.Body, MaxStoredBodyBytes)] : entry.Body);
        var record = new NotificationRecord
        {
            PayMode = entry.PayMode, ReceivedAt = entry.ReceivedAt, Method = Clip(entry.Method, 16)!,
            ContentType = Clip(entry.ContentType, 200), RemoteIp = Clip(entry.RemoteIp, 64),
            Body = body, BodyIsBase64 = isBase64, BodyLength = entry.Body.Length, Truncated = entry.Truncated,
            BodyBounded = bounded, BodySha256 = Convert.ToHexStringLower(SHA256.HashData(entry.Body)),
            QueryString = Clip(entry.QueryString, JournalHeaders.MaxQueryChars),
            Headers = JournalHeaders.Serialize(entry.Headers),
            Verdict = NotificationVerdict.Received,
        };
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.Notifications.Add(record);
        await db.SaveChangesAsync(ct);
        return record.Id;
    }

    public async Task SetVerdictAsync(long id, NotificationVerdict verdict, string? billReference, string detail, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await db.Notifications.Where(n => n.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(n => n.Verdict, verdict)
            .SetProperty(n => n.BillReference, billReference)
            .SetProperty(n => n.Detail, Clip(detail, 500)), ct);
    }

    /// <summary>The notification a row records, as the pipeline received it; null, with the reason, when the row cannot give it whole.</summary>
    public static RawNotification? RawOf(NotificationRecord row, out string? missing)
    {
        missing = row.BodySha256 is null ? "it was journaled before the journal kept headers and query strings"
            : row.BodyBounded || row.Truncated ? $"only the start of its {row.BodyLength}-byte body was kept"
            : null;
        if (missing is not null)
            return null;
        var body = row.BodyIsBase64 ? Convert.FromBase64String(row.Body) : Encoding.UTF8.GetBytes(row.Body);
        return new RawNotification(row.PayMode, row.Method, row.ContentType, body, row.QueryString ?? "",
            JournalHeaders.Deserialize(row.Headers), row.RemoteIp);
    }

    private static (string Body, bool IsBase64) Text(byte[] body)
    {
        try { return (StrictUtf8.GetString(body), false); }
        catch (DecoderFallbackException) { return (Convert.ToBase64String(body), true); }
    }

    /// <summary>A cut at <paramref name="max"/> bytes moved back to the start of a UTF-8 character, so a text body stays text.</summary>
    private static int Utf8Boundary(byte[] body, int max)
    {
        var cut = max;
        while (cut > max - 3 && (body[cut] & 0xC0) == 0x80)
            cut--;
        return cut;
    }

    private static string? Clip(string? text, int max) => text is { Length: > 0 } && text.Length > max ? text[..max] : text;
}
