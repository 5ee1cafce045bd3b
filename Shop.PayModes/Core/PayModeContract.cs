using Microsoft.AspNetCore.Routing;
using Shop.PayModes.Core.Components;

namespace Shop.PayModes.Core;

public enum PayModeKind
{
    /// <summary>Simulates a provider; moves no money.</summary>
    Simulator,
    /// <summary>Nothing to pay: at most one registered mode has this kind, and the checkout picks it for a total of 0.</summary>
    ZeroAmount,
    /// <summary>Money arrives later by post or wire; an admin confirms it.</summary>
    Deferred,
    /// <summary>The buyer is sent to a provider, which notifies the shop server to server. Such a mode brings a sandbox:
    /// it is how the shop's test mode pays with it.</summary>
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
/// One way to pay (docs/pay-modes.md). A pay mode is a folder holding a class implementing this,
/// its settings, a selector component, a settings-form component, an optional bill panel shown on
/// the buyer's status page, and its endpoints under <c>/paymodes/{code}</c>. It is registered with
/// <see cref="PayModeServiceCollectionExtensions.AddPayMode{T}"/>, which also requires <see cref="IPayModeRegistration"/>.
/// </summary>
public interface IPayMode
{
    /// <summary>Lowercase URL segment naming the mode in routes, settings and bills; unique in the shop.</summary>
    string Code { get; }

    string Name { get; }

    /// <summary>One sentence for buyers, shown in the selector.</summary>
    string Description { get; }

    PayModeKind Kind { get; }

    Type SettingsType { get; }

    /// <summary>A <see cref="PayModeSelector{TSettings}"/> of <see cref="SettingsType"/> (checked at start-up).</summary>
    Type SelectorComponent { get; }

    /// <summary>A <see cref="PayModeSettingsForm{TSettings}"/> of <see cref="SettingsType"/> (checked at start-up).</summary>
    Type SettingsFormComponent { get; }

    /// <summary>Shown on the buyer's status page: instructions, result or controls. A <see cref="PayModeBillPanel{TSettings}"/>
    /// of <see cref="SettingsType"/> (checked at start-up), or null.</summary>
    Type? BillPanelComponent { get; }

    /// <summary>Settings of a fresh install (before configuration seeds it); an instance of exactly <see cref="SettingsType"/>.</summary>
    PayModeSettings CreateDefaultSettings();

    /// <summary>Whether this mode may be used for an order; settings are already known to be valid.</summary>
    Availability IsOffered(OfferContext context, PayModeSettings settings);

    /// <summary>Maps send / return / cancel / notify (and anything else) onto <c>/paymodes/{code}</c>.</summary>
    void MapEndpoints(IEndpointRouteBuilder group);

    /// <summary>
    /// The protocol that judges a notification of this mode, chosen from the raw message alone: at the notify endpoint
    /// (<see cref="PayModeEndpoints.MapNotify"/>), and again at start-up for a journaled one a stop left unjudged.
    /// Null: this mode takes no such notification. The protocols are registered by the mode
    /// (<see cref="PayModeBuilder.NotificationProtocol{TProtocol}"/>).
    /// </summary>
    INotificationProtocol? NotificationProtocol(RawNotification raw, IServiceProvider services) => null;

    /// <summary>What the buyer's status page says about <paramref name="bill"/> (placed with this mode), never a state code.
    /// By default the words of <see cref="BuyerStatusWords"/> for this mode's <see cref="Kind"/>; a mode says what only it knows.</summary>
    StatusWords DescribeStatus(BillView bill) => BuyerStatusWords.For(Kind, Name, bill);
}

/// <summary>
/// How a pay mode declares everything it brings besides itself: its services, notification protocols, signature-lab
/// provider and sandbox. <see cref="PayModeServiceCollectionExtensions.AddPayMode{T}"/> requires it, so a mode without
/// it does not compile. The <c>PayMode</c> base classes do not implement it: every mode states its own, even empty.
/// </summary>
public interface IPayModeRegistration
{
    static abstract void Register(PayModeBuilder mode);
}

/// <summary>Typed convenience base: most pay modes derive from this. The components are typed by the settings they show.</summary>
public abstract class PayMode<TSettings, TSelector, TSettingsForm> : IPayMode
    where TSettings : PayModeSettings, new()
    where TSelector : PayModeSelector<TSettings>
    where TSettingsForm : PayModeSettingsForm<TSettings>
{
    public abstract string Code { get; }

    public abstract string Name { get; }

    public abstract string Description { get; }

    public abstract PayModeKind Kind { get; }

    public Type SettingsType => typeof(TSettings);

    public Type SelectorComponent => typeof(TSelector);

    public Type SettingsFormComponent => typeof(TSettingsForm);

    public Type? BillPanelComponent => BillPanel;

    /// <summary>Only the typed base with a bill panel sets it (<see cref="PayMode{TSettings, TSelector, TSettingsForm, TBillPanel}"/>).</summary>
    private protected virtual Type? BillPanel => null;

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

    /// <summary>The buyer's status words: those of <see cref="BuyerStatusWords"/> for this <see cref="Kind"/>, unless the mode says better.</summary>
    public virtual StatusWords DescribeStatus(BillView bill) => BuyerStatusWords.For(Kind, Name, bill);
}

/// <summary>A pay mode that shows a panel on the buyer's status page, typed by its settings like its other components.</summary>
public abstract class PayMode<TSettings, TSelector, TSettingsForm, TBillPanel> : PayMode<TSettings, TSelector, TSettingsForm>
    where TSettings : PayModeSettings, new()
    where TSelector : PayModeSelector<TSettings>
    where TSettingsForm : PayModeSettingsForm<TSettings>
    where TBillPanel : PayModeBillPanel<TSettings>
{
    private protected sealed override Type? BillPanel => typeof(TBillPanel);
}

/// <summary>
/// A pay mode's own sandbox routes, for a provider that needs more than the shared hosted-page flow
/// (<c>/sandbox/{code}/pay</c>): they are mapped under <c>/sandbox/{code}</c>, only answering while the mode is in the sandbox
/// world. Declared with <see cref="PayModeBuilder.SandboxRoutes{TRoutes}"/>.
/// </summary>
public interface IPayModeSandbox
{
    void MapSandbox(IEndpointRouteBuilder sandbox);
}
