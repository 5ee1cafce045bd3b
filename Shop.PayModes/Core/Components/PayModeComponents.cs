using Microsoft.AspNetCore.Components;

namespace Shop.PayModes.Core.Components;

/// <summary>
/// A pay mode's entry in the checkout's list (<see cref="IPayMode.SelectorComponent"/>). The checkout renders it by type
/// with these parameters; <see cref="Settings"/> is the mode's own settings object.
/// </summary>
public abstract class PayModeSelector<TSettings> : ComponentBase where TSettings : PayModeSettings
{
    [Parameter, EditorRequired] public IPayMode Mode { get; set; } = default!;

    [Parameter, EditorRequired] public TSettings Settings { get; set; } = default!;

    /// <summary>The order's total, in minor units of <see cref="Currency"/>.</summary>
    [Parameter] public long Total { get; set; }

    [Parameter] public string Currency { get; set; } = "EUR";
}

/// <summary>
/// A pay mode's settings form on the admin page (<see cref="IPayMode.SettingsFormComponent"/>): edits <see cref="Settings"/>
/// in place and raises <see cref="OnValidSubmit"/> once they pass validation (<see cref="SettingsFormShell"/> does both).
/// </summary>
public abstract class PayModeSettingsForm<TSettings> : ComponentBase where TSettings : PayModeSettings
{
    [Parameter, EditorRequired] public TSettings Settings { get; set; } = default!;

    [Parameter] public EventCallback<PayModeSettings> OnValidSubmit { get; set; }
}

/// <summary>
/// What a pay mode shows on the buyer's status page (<see cref="IPayMode.BillPanelComponent"/>): instructions, result or
/// controls for <see cref="Bill"/>, with the mode's current settings.
/// </summary>
public abstract class PayModeBillPanel<TSettings> : ComponentBase where TSettings : PayModeSettings
{
    [Parameter, EditorRequired] public BillView Bill { get; set; } = default!;

    [Parameter, EditorRequired] public TSettings Settings { get; set; } = default!;
}
