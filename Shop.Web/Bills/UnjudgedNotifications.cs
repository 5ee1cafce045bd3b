using Microsoft.EntityFrameworkCore;
using Shop.PayModes.Core;
using Shop.Web.Data;

namespace Shop.Web.Bills;

/// <summary>
/// A stop between journaling a notification and judging it (a crash, a kill) leaves its row at <c>Received</c>. At the
/// next start, once the database is migrated, each such row is rebuilt into the notification it records and judged by
/// the pay mode's protocol through the same pipeline, in the background: verification, matching, idempotent application.
/// A row whose body was not kept whole gets its verdict without being judged.
/// </summary>
public sealed class UnjudgedNotifications(IServiceScopeFactory scopes, TimeProvider clock, ILogger<UnjudgedNotifications> logger) : BackgroundService
{
    private const int Batch = 100;

    /// <summary>Rows received since this start belong to requests still being judged by this very run.</summary>
    private readonly DateTime _startedAt = clock.GetUtcNow().UtcDateTime;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();   // the host goes on starting meanwhile
        try
        {
            var judged = await JudgeAllAsync(stoppingToken);
            if (judged > 0)
                logger.LogInformation("{Count} notifications left unjudged by the last stop were judged", judged);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Notifications left unjudged by the last stop could not all be judged; the next start tries again");
        }
    }

    /// <summary>Judges every row a stop left at <c>Received</c>; returns how many.</summary>
    public async Task<int> JudgeAllAsync(CancellationToken ct = default)
    {
        var count = 0;
        long after = 0;
        while (true)
        {
            List<NotificationRecord> rows;
            await using (var scope = scopes.CreateAsyncScope())
            await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ShopDbContext>>().CreateDbContextAsync(ct))
                rows = await db.Notifications.AsNoTracking()
                    .Where(n => n.Verdict == NotificationVerdict.Received && n.ReceivedAt < _startedAt && n.Id > after)
                    .OrderBy(n => n.Id).Take(Batch).ToListAsync(ct);
            foreach (var row in rows)
            {
                await JudgeAsync(row, ct);
                after = row.Id;
                count++;
            }
            if (rows.Count < Batch)
                return count;
        }
    }

    private async Task JudgeAsync(NotificationRecord row, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var journal = services.GetRequiredService<INotificationJournal>();
        if (NotificationJournal.RawOf(row, out var missing) is not { } raw)
        {
            // What was kept is not the whole message; the provider, never answered, sends it again.
            var (verdict, detail) = row.Truncated
                ? (NotificationVerdict.TooLarge, $"body over {NotificationPipeline.MaxBodyBytes} bytes (left unjudged by a stop)")
                : (NotificationVerdict.Refused, $"left unjudged by a stop, and cannot be judged again: {missing}");
            await journal.SetVerdictAsync(row.Id, verdict, null, detail, ct);
            return;
        }
        var protocol = services.GetRequiredService<PayModeRegistry>().Find(row.PayMode)?.NotificationProtocol(raw, services);
        if (protocol is null)
        {
            await journal.SetVerdictAsync(row.Id, NotificationVerdict.Refused, null, $"left unjudged by a stop; no pay mode '{row.PayMode}' takes it now", ct);
            return;
        }
        await services.GetRequiredService<NotificationPipeline>().JudgeAgainAsync(row.Id, protocol, raw, ct);
    }
}
