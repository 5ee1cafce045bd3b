using Shop.Web.Bills;

namespace Shop.Tests.LiveUpdates;

public sealed class RefresherTests
{
    /// <summary>A page whose reload reads the bill, waits on the database, then shows what it read.</summary>
    private sealed class SlowPage
    {
        public string Stored = "SOLDOUT";
        public string? Shown;
        public int Reads;
        public readonly Queue<TaskCompletionSource> Database = new();

        public async Task ReloadAsync()
        {
            var read = Stored;
            Reads++;
            var wait = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Database.Enqueue(wait);
            await wait.Task;
            Shown = read;
        }
    }

    [Fact]
    public async Task A_change_announced_while_a_reload_runs_is_read_again_after_it_so_the_newer_state_wins()
    {
        var page = new SlowPage();
        var refresher = new Refresher(page.ReloadAsync);

        var first = refresher.RunAsync();            // SOLDOUT event: reads SOLDOUT, waits on the database
        page.Stored = "COMPLETE";
        var second = refresher.RunAsync();           // COMPLETE event while the first read is in flight
        Assert.True(second.IsCompleted);             // coalesced into the running reload, not run beside it
        Assert.Equal(1, page.Reads);

        page.Database.Dequeue().SetResult();         // the stale read lands...
        await WaitForAsync(() => page.Database.Count == 1);
        Assert.Equal("SOLDOUT", page.Shown);
        Assert.Equal(2, page.Reads);                 // ...and is followed by a fresh one
        page.Database.Dequeue().SetResult();
        await first;

        Assert.Equal("COMPLETE", page.Shown);
    }

    [Fact]
    public async Task A_burst_of_events_during_one_reload_costs_one_more_reload_not_one_each()
    {
        var page = new SlowPage();
        var refresher = new Refresher(page.ReloadAsync);

        var running = refresher.RunAsync();
        var burst = Enumerable.Range(0, 5).Select(_ => refresher.RunAsync()).ToList();
        Assert.All(burst, call => Assert.True(call.IsCompleted));
        page.Database.Dequeue().SetResult();
        await WaitForAsync(() => page.Database.Count == 1);
        page.Database.Dequeue().SetResult();
        await running;

        Assert.Equal(2, page.Reads);
        Assert.Empty(page.Database);
    }

    [Fact]
    public async Task A_reload_that_fails_does_not_leave_the_refresher_stuck()
    {
        var calls = 0;
        var refresher = new Refresher(() => ++calls == 1 ? Task.FromException(new InvalidOperationException("database gone")) : Task.CompletedTask);

        await Assert.ThrowsAsync<InvalidOperationException>(refresher.RunAsync);
        await refresher.RunAsync();

        Assert.Equal(2, calls);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
            await Task.Delay(10);
        Assert.True(condition());
    }
}
