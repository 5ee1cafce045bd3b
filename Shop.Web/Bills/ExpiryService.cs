using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shop.PayModes.Core;
using Shop.Web.Data;
using Shop.Web.Fulfilment;
using Shop.Web.Hosting;

namespace Shop.Web.Bills;

/// <summary>
/// Cancels abandoned bills (rule 9): PLACED ones after <see cref="ShopSettings.PlacedExpiry"/>, and cheque or
/// transfer bills, PLACED or PENDING, after the longer deferred delay (both in <see cref="ShopSettings"/>). Each expiry
/// is a compare-and-set with a trace line, so a payment landing at the same moment wins cleanly.
/// It also finishes deliveries a crash interrupted (bills left SOLDOUT): at start-up, since the first sweep runs then,
/// and again within a claim lease while any is left, so a delivery a crash left claimed is resumed once its claim is stale.
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
            var next = options.CurrentValue.Expiry.SweepEvery;
            try
            {
                if ((await SweepAsync(stoppingToken)).Undelivered > 0 && FulfilmentService.ClaimLease < next)
                    next = FulfilmentService.ClaimLease;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Bill expiry sweep failed; trying again at the next interval");
            }
            await Task.Delay(next, clock, stoppingToken);
        }
    }

    /// <summary>One pass: expires abandoned bills, then delivers every bill left SOLDOUT.</summary>
    public async Task<SweepResult> SweepAsync(CancellationToken ct = default)
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

        // Every SOLDOUT bill, however recent: a delivery under way elsewhere holds its lines' claims, so this one only
        // finishes what nobody is doing (and the first sweep, at start-up, what a crash left).
        // A bill whose shipped goods wait for an admin's "mark shipped" is not late: it is left out.
        var soldOut = await db.Bills.AsNoTracking().Where(b => b.State == BillState.SoldOut && !(b.ShippedAt == null && b.Items.Any(i => i.Shipped)))
            .Select(b => new { b.Id, b.Reference }).ToListAsync(ct);
        var undelivered = 0;
        foreach (var bill in soldOut)
            if (!await bills.DeliverAsync(bill.Id, bill.Reference, ct))
                undelivered++;

        if (cancelled > 0)
            logger.LogInformation("Expired {Count} unpaid bills", cancelled);
        return new SweepResult(cancelled, undelivered);
    }
}

/// <summary>What one sweep did: bills cancelled, and paid bills still waiting for their delivery.</summary>
public sealed record SweepResult(int Expired, int Undelivered);
