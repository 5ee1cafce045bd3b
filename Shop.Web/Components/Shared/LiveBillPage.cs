using Microsoft.AspNetCore.Components;
using Shop.Web.Bills;

namespace Shop.Web.Components.Shared;

/// <summary>
/// A page that reloads itself when a bill changes, written once for the status page, the dashboard, the bills grid and
/// the admin's bill page. <see cref="FollowBills"/> subscribes to <see cref="BillEvents"/>; each change that
/// <see cref="Concerns"/> the page runs <see cref="ReloadAsync"/> then re-renders, through a <see cref="Refresher"/> so a
/// burst of changes never leaves an older read on screen; disposing the page unsubscribes and stops the polling.
/// </summary>
public abstract class LiveBillPage : ComponentBase, IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Refresher? _refresher;
    private bool _following;

    [Inject] private BillEvents Events { get; set; } = default!;

    private Refresher Refresher => _refresher ??= new(async () => { await ReloadAsync(); StateHasChanged(); });

    /// <summary>Reads again what the page shows (no need to re-render: the caller does).</summary>
    protected abstract Task ReloadAsync();

    /// <summary>Whether a change to this bill concerns the page; every bill by default.</summary>
    protected virtual bool Concerns(string reference) => true;

    /// <summary>From now on, reload when a bill the page shows changes.</summary>
    protected void FollowBills()
    {
        if (_following)
            return;
        _following = true;
        Events.Changed += OnBillChanged;
    }

    /// <summary>Also reload every <paramref name="interval"/>: a slow safety net for changes made by another server instance.</summary>
    protected void PollEvery(TimeSpan interval) => _ = PollAsync(interval);

    /// <summary>Reloads and re-renders now, or once more after the reload in progress (call on the dispatcher).</summary>
    protected Task RefreshAsync() => Refresher.RunAsync();

    private void OnBillChanged(string reference)
    {
        if (Concerns(reference))
            _ = InvokeAsync(Refresher.RunAsync);
    }

    private async Task PollAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
                await InvokeAsync(Refresher.RunAsync);
        }
        catch (OperationCanceledException)
        {
            // page closed
        }
    }

    public virtual ValueTask DisposeAsync()
    {
        if (_following)
            Events.Changed -= OnBillChanged;
        _stop.Cancel();
        _stop.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
