using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Shop.PayModes.Core;
using Shop.Web.Admin;
using Shop.Web.Bills;
using Shop.Web.Components.Shared;

namespace Shop.Web.Components.Admin;

/// <summary>One bill for an administrator: its story, and the moves the state table allows from where it stands.</summary>
public partial class BillPage : LiveBillPage
{
    [Parameter] public string Reference { get; set; } = "";

    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject] private AdminBills Queries { get; set; } = default!;
    [Inject] private BillService BillService { get; set; } = default!;
    [Inject] private PayModeRegistry Registry { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private BillDetail? _detail;
    private bool _loaded;
    private bool _busy;
    private List<BreadcrumbItem> _crumbs = [];

    protected override void OnInitialized() => FollowBills();

    protected override async Task OnParametersSetAsync()
    {
        _crumbs = [new("Bills", "/admin/bills"), new(Bills.Short(Reference), null, disabled: true)];
        await ReloadAsync();
    }

    protected override bool Concerns(string reference) => reference == Reference;

    protected override async Task ReloadAsync()
    {
        _detail = Reference.Length <= 64 ? await Queries.DetailAsync(Reference) : null;
        _loaded = true;
    }

    private async Task<Actor> ActorAsync()
    {
        var user = AuthenticationState is null ? null : (await AuthenticationState).User;
        return Actor.Admin(user?.Identity?.Name ?? "unknown");
    }

    private async Task RecordPaymentAsync()
    {
        var bill = _detail!.Bill;
        var dialog = await Dialogs.ShowAsync<ConfirmPaymentDialog>("Record a payment received",
            new DialogParameters<ConfirmPaymentDialog>
            {
                { d => d.Expected, bill.Total }, { d => d.Currency, bill.Currency }, { d => d.PaymentReference, bill.PaymentReference },
            },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is not { Canceled: false, Data: ConfirmPaymentDialog.ReceivedPayment received })
            return;
        var actor = await ActorAsync();
        await RunAsync(() => BillService.ConfirmDeferredPaymentAsync(bill.Reference, actor, received.Amount, received.ReceivedOn, received.Note),
            received.Amount == bill.Total ? "Payment recorded: the order is being delivered." : "Payment recorded as PARTIAL and flagged.");
    }

    private async Task ClearFlagAsync()
    {
        var dialog = await Dialogs.ShowAsync<ResolveFlagDialog>("Mark the flag as resolved", new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is not { Canceled: false, Data: string note })
            return;
        var actor = await ActorAsync();
        _busy = true;
        try
        {
            if (await BillService.ClearFlagAsync(Reference, actor, note))
                Snackbar.Add("Flag cleared; your note is in the trace.", Severity.Success);
            await RefreshAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task MoveAsync(BillTransitionEdge edge)
    {
        var (from, to) = (edge.From, edge.To);
        var ok = await Dialogs.ShowMessageBoxAsync($"Move to {to.ToWire()}?",
            $"The bill goes from {from.ToWire()} to {to.ToWire()}. This is recorded in the trace under your name.",
            yesText: $"Move to {to.ToWire()}", cancelText: "Cancel");
        if (ok != true)
            return;
        var actor = await ActorAsync();
        await RunAsync(() => BillService.TransitionAsync(Reference, from, to, actor, $"moved to {to.ToWire()} by an administrator"), $"Bill moved to {to.ToWire()}.");
    }

    private async Task ShipAsync()
    {
        var ok = await Dialogs.ShowMessageBoxAsync("Mark the order shipped?",
            "Do this once the parcel has left. The buyer's page then says it was shipped and the bill completes. This is recorded in the trace under your name.",
            yesText: "Mark shipped", cancelText: "Cancel");
        if (ok != true)
            return;
        var actor = await ActorAsync();
        _busy = true;
        try
        {
            var result = await BillService.MarkShippedAsync(Reference, actor, null);
            Snackbar.Add(ShipMessage(result), result == ShipResult.Shipped ? Severity.Success : Severity.Warning);
            await RefreshAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    internal static string ShipMessage(ShipResult result) => result switch
    {
        ShipResult.Shipped => "Marked shipped.",
        ShipResult.AlreadyShipped => "This order was already marked shipped: nothing changed.",
        ShipResult.NothingToShip => "This order holds no shipped goods.",
        ShipResult.NotPaid => "Only a paid order can be marked shipped.",
        _ => "This bill no longer exists.",
    };

    private async Task RunAsync(Func<Task<TransitionResult>> change, string done)
    {
        _busy = true;
        try
        {
            var result = await change();
            Snackbar.Add(result switch
            {
                TransitionResult.Moved => done,
                TransitionResult.Conflict => "Someone else changed this bill first: look at it again.",
                TransitionResult.NotAllowed => "The transition table does not allow this change.",
                TransitionResult.NotDelivered => "Delivery did not finish, so the bill was not completed: see the log, then try again.",
                _ => "This bill no longer exists.",
            }, result == TransitionResult.Moved ? Severity.Success : Severity.Warning);
            await RefreshAsync();
        }
        finally
        {
            _busy = false;
        }
    }
}
