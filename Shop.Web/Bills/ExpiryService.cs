using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shop.PayModes.Core;
using Shop.Web.Data;
using Shop.Web.Hosting;

namespace Shop.Web.Bills;

/// <summary>
/// Cancels abandoned bills (rule 9): PLACED ones after <see cref="ShopSettings.PlacedExpiry"/>, and cheque or
/// transfer bills, PLACED or PENDING, after the longer deferred delay (both in <see cref="ShopSettings"/>). Each expiry
/// is a compare-and-set with a trace line, so a payment landing at the same moment wins cleanly.
/// It also finishes deliveries a crash interrupted (bills left SOLDOUT).
/// </summary>
public sealed class ExpiryService(
    IServiceScopeFactory scopes,
    IOptionsMonitor<ShopOptions> options,
    IShopSettings shop,
    PayModeRegistry registry,
    TimeProvider clock,
    ILogger<ExpiryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Bill expiry sweep failed; trying again at the next interval");
            }
            await Task.Delay(options.CurrentValue.Expiry.SweepEvery, clock, stoppingToken);
        }
    }

    /// <summary>One pass; returns how many bills it cancelled.</summary>
    public async Task<int> SweepAsync(CancellationToken ct = default)
    {
        using var scope = scopes.CreateScope();
        var dbs = scope.ServiceProvider.GetRequiredService<IDbContextFactory<ShopDbContext>>();
        var bills = scope.ServiceProvider.GetRequiredService<Bills.BillService>();
        var settings = shop.Current;
        var now = clock.GetUtcNow().UtcDateTime;
        var deferred = registry.All.Where(m => m.Kind == PayModeKind.Deferred).Select(m => m.Code).ToList();
        var placedBefore = now - settings.PlacedExpiry;
        var deferredBefore = now - settings.DeferredExpiry;

        await using var db = await dbs.CreateDbContextAsync(ct);
        var due = await db.Bills.AsNoTracking()
            .Where(b => (b.State == BillState.Placed && !deferred.Contains(b.PayMode) && b.UpdatedAt < placedBefore)
                     || ((b.State == BillState.Placed || b.State == BillState.Pending) && deferred.Contains(b.PayMode) && b.UpdatedAt < deferredBefore))
            .Select(b => new { b.Reference, b.State, b.PayMode, b.UpdatedAt })
            .ToListAsync(ct);
        var cancelled = 0;
        foreach (var bill in due)
        {
            var delay = deferred.Contains(bill.PayMode) ? settings.DeferredExpiry : settings.PlacedExpiry;
            var result = await bills.TransitionAsync(bill.Reference, bill.State, BillState.Cancelled, Actor.System,
                $"expired: no payment within {delay}", ct: ct);
            if (result == TransitionResult.Moved)
                cancelled++;
        }

        var stuck = await db.Bills.AsNoTracking().Where(b => b.State == BillState.SoldOut && b.UpdatedAt < now.AddMinutes(-1))
            .Select(b => new { b.Id, b.Reference }).ToListAsync(ct);
        foreach (var bill in stuck)
            await bills.DeliverAsync(bill.Id, bill.Reference, ct);

        if (cancelled > 0)
            logger.LogInformation("Expired {Count} unpaid bills", cancelled);
        return cancelled;
    }
}
