using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;
using Shop.PayModes.Core;
using Shop.PayModes.Core.Components;

namespace Shop.Tests.Conformance.ProbeMode;

/// <summary>Written as a class because the test project has no Razor compiler; same shape as a pay mode's .razor form.</summary>
public sealed class ProbeSettingsForm : PayModeSettingsForm<ProbeSettings>
{
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenComponent<SettingsFormShell>(0);
        builder.AddComponentParameter(1, nameof(SettingsFormShell.Settings), Settings);
        builder.AddComponentParameter(2, nameof(SettingsFormShell.Code), ProbePayMode.ModeCode);
        builder.AddComponentParameter(3, nameof(SettingsFormShell.OnValidSubmit), OnValidSubmit);
        builder.AddComponentParameter(4, nameof(SettingsFormShell.ChildContent), (RenderFragment)(content =>
        {
            content.OpenComponent<MudTextField<string>>(0);
            content.AddComponentParameter(1, "Label", "Account name");
            content.AddComponentParameter(2, "Value", Settings.AccountName);
            content.AddComponentParameter(3, "ValueChanged", EventCallback.Factory.Create<string>(this, v => Settings.AccountName = v));
            content.CloseComponent();
            content.OpenComponent<SecretField>(10);
            content.AddComponentParameter(11, nameof(SecretField.Label), "API key");
            content.AddComponentParameter(12, nameof(SecretField.Value), Settings.ApiKey);
            content.AddComponentParameter(13, nameof(SecretField.ValueChanged), EventCallback.Factory.Create<string?>(this, v => Settings.ApiKey = v));
            content.CloseComponent();
        }));
        builder.CloseComponent();
    }
}
