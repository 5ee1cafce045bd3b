using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Shop.PayModes.Core;
using Shop.PayModes.Core.Components;

namespace Shop.Tests.Conformance.ProbeMode;

/// <summary>Written as a class because the test project has no Razor compiler; same shape as a pay mode's .razor selector.</summary>
public sealed class ProbeSelector : PayModeSelector<ProbeSettings>
{
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenComponent<SelectorCard>(0);
        builder.AddComponentParameter(1, nameof(SelectorCard.Mode), Mode);
        builder.AddComponentParameter(2, nameof(SelectorCard.ChildContent), (RenderFragment)(content =>
            content.AddContent(0, Settings.AccountName)));
        builder.CloseComponent();
    }
}
