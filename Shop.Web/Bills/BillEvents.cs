namespace Shop.Web.Bills;

/// <summary>
/// In-process signal that a bill changed, so open status pages and dashboards refresh at once.
/// (Other instances behind a load balancer are covered by the pages' slow polling.)
/// </summary>
public sealed class BillEvents
{
    public event Action<string>? Changed;

    public void Raise(string reference) => Changed?.Invoke(reference);
}
