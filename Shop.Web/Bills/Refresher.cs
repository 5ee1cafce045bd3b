namespace Shop.Web.Bills;

/// <summary>
/// Runs a page's reload so that a slow read can never overwrite a newer one. Bill events arrive in
/// bursts (SOLDOUT then COMPLETE a few milliseconds apart); two overlapping reloads may finish out of
/// order, and the page would then show the older state until its next poll. Here, a request made while
/// a reload runs is coalesced into one more reload started after it, so the last reload to finish is
/// also the last one started. Call <see cref="RunAsync"/> on the component's dispatcher
/// (<c>InvokeAsync</c>), which serializes the callers; the reload itself may await freely.
/// </summary>
public sealed class Refresher(Func<Task> reload)
{
    private bool _running;
    private bool _wanted;

    /// <summary>Reloads now, or once more after the reload in progress if there is one.</summary>
    public async Task RunAsync()
    {
        _wanted = true;
        if (_running)
            return;
        _running = true;
        try
        {
            while (_wanted)
            {
                _wanted = false;
                await reload();
            }
        }
        finally
        {
            _running = false;
        }
    }
}
