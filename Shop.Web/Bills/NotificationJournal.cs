using System.Text;
using Microsoft.EntityFrameworkCore;
using Shop.PayModes.Core;
using Shop.Web.Data;

namespace Shop.Web.Bills;

public sealed class NotificationJournal(IDbContextFactory<ShopDbContext> dbs) : INotificationJournal
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public async Task<long> AppendAsync(JournalEntry entry, CancellationToken ct = default)
    {
        var (body, isBase64) = Text(entry.Body);
        var record = new NotificationRecord
        {
            PayMode = entry.PayMode, ReceivedAt = entry.ReceivedAt, Method = entry.Method,
            ContentType = Clip(entry.ContentType, 200), RemoteIp = entry.RemoteIp,
            Body = body, BodyIsBase64 = isBase64, BodyLength = entry.Body.Length, Truncated = entry.Truncated,
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

    private static (string Body, bool IsBase64) Text(byte[] body)
    {
        try { return (StrictUtf8.GetString(body), false); }
        catch (DecoderFallbackException) { return (Convert.ToBase64String(body), true); }
    }

    private static string? Clip(string? text, int max) => text is { Length: > 0 } && text.Length > max ? text[..max] : text;
}
