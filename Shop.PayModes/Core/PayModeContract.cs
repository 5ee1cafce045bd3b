using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Shop.PayModes.Core;

public enum PayModeKind
{
    /// <summary>Simulates a provider; moves no money (the <c>test</c> mode).</summary>
    Simulator,
    /// <summary>Nothing to pay (the <c>freeorder</c> mode).</summary>
    ZeroAmount,
    /// <summary>Money arrives later by post or wire; an admin confirms it.</summary>
    Deferred,
    /// <summary>The buyer is sent to a provider, which notifies the shop server to server.</summary>
    Redirect,
}

/// <summary>Everything a pay mode may look at to decide whether it is offered for one order.</summary>
public sealed record OfferContext(long Total, string Currency, bool BuyerIsAdmin, bool ShopTestMode, bool TestOverride);

public sealed record Availability(bool Offered, string? Reason = null)
{
    public static Availability Yes { get; } = new(true);

    public static Availability No(string reason) => new(false, reason);
}

/// <summary>
/// One way to pay (PAYMODES.md §1). A pay mode is a folder holding a class implementing this,
/// its settings, a selector component, a settings-form component, an optional bill panel shown on
/// the buyer's status page, and its endpoints under <c>/paymodes/{code}</c>.
/// </summary>
public interface IPayMode
{
    string Code { get; }

    string Name { get; }

    /// <summary>One sentence for buyers, shown in the selector.</summary>
    string Description { get; }

    PayModeKind Kind { get; }

    Type SettingsType { get; }

    /// <summary>Component with parameters <c>Mode</c>, <c>Settings</c>, <c>Total</c>, <c>Currency</c>.</summary>
    Type SelectorComponent { get; }

    /// <summary>Component with parameters <c>Settings</c> (edited in place) and <c>OnValidSubmit</c>.</summary>
    Type SettingsFormComponent { get; }

    /// <summary>Shown on the buyer's status page: instructions, result or controls. Parameters <c>Bill</c>, <c>Settings</c>.</summary>
    Type? BillPanelComponent { get; }

    /// <summary>Settings of a fresh install (before configuration seeds it).</summary>
    PayModeSettings CreateDefaultSettings();

    /// <summary>Whether this mode may be used for an order; settings are already known to be valid.</summary>
    Availability IsOffered(OfferContext context, PayModeSettings settings);

    /// <summary>Maps send / return / cancel / notify (and anything else) onto <c>/paymodes/{code}</c>.</summary>
    void MapEndpoints(IEndpointRouteBuilder group);

    /// <summary>
    /// The protocol that judges a notification of this mode, chosen from the raw message alone: at the notify endpoint
    /// (<see cref="PayModeEndpoints.MapNotify"/>), and again at start-up for a journaled one a stop left unjudged.
    /// Null: this mode takes no such notification.
    /// </summary>
    INotificationProtocol? NotificationProtocol(RawNotification raw, IServiceProvider services) => null;

    /// <summary>Services the pay mode needs besides itself. A pay mode that has some declares
    /// <c>IPayMode</c> again in its base list and implements this static method.</summary>
    static virtual void AddServices(IServiceCollection services)
    {
    }
}

/// <summary>Typed convenience base: most pay modes derive from this.</summary>
public abstract class PayMode<TSettings, TSelector, TSettingsForm> : IPayMode
    where TSettings : PayModeSettings, new()
{
    public abstract string Code { get; }

    public abstract string Name { get; }

    public abstract string Description { get; }

    public abstract PayModeKind Kind { get; }

    public Type SettingsType => typeof(TSettings);

    public Type SelectorComponent => typeof(TSelector);

    public Type SettingsFormComponent => typeof(TSettingsForm);

    public virtual Type? BillPanelComponent => null;

    public virtual PayModeSettings CreateDefaultSettings() => new TSettings();

    /// <summary>A provider mode configured for production is not offered in test mode (<see cref="ProviderWorld"/>), then the amount rules, then the mode's own.</summary>
    public Availability IsOffered(OfferContext context, PayModeSettings settings) =>
        ProviderWorld.OfAny(settings, context.ShopTestMode)?.TestModeRefusal is { } production ? Availability.No(production)
        : settings.AmountRule(context) is { } refusal ? Availability.No(refusal)
        : IsOffered(context, (TSettings)settings);

    protected virtual Availability IsOffered(OfferContext context, TSettings settings) =>
        context.Total > 0 ? Availability.Yes : Availability.No("Nothing to pay: the free order mode applies.");

    public abstract void MapEndpoints(IEndpointRouteBuilder group);

    public virtual INotificationProtocol? NotificationProtocol(RawNotification raw, IServiceProvider services) => null;
}

/// <summary>
/// A pay mode whose provider needs more sandbox routes than the shared hosted-page flow
/// (<c>/sandbox/{code}/pay</c>): they are mapped under <c>/sandbox/{code}</c>, only answering while the mode is in the sandbox world.
/// </summary>
public interface IPayModeSandbox
{
    void MapSandbox(IEndpointRouteBuilder sandbox);
}
