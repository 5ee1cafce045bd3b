using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Routing;
using MudBlazor;
using Shop.PayModes.Core;
using Shop.PayModes.Core.Components;
using Shop.Web.Components.Shared;

namespace Shop.Tests.Admin;

/// <summary>A test-only pay mode with a write-only setting, standing in for the provider modes (keys, passphrases).</summary>
public sealed class VaultPayMode : PayMode<VaultSettings, VaultSelector, VaultSettingsForm>, IPayModeRegistration, IPayModeSandbox
{
    public const string SecretValue = "sk_live_Qx7TopSecretValue_1a2b";

    /// <summary>A provider mode brings a sandbox; this one's has no routes, since no test pays with it.</summary>
    public static void Register(PayModeBuilder mode) => mode.SandboxRoutes<VaultPayMode>();

    public void MapSandbox(IEndpointRouteBuilder sandbox)
    {
    }

    public override string Code => "vault";

    public override string Name => "Vault (test)";

    public override string Description => "A provider whose settings hold a secret key.";

    public override PayModeKind Kind => PayModeKind.Redirect;

    public override void MapEndpoints(IEndpointRouteBuilder group)
    {
    }
}

public sealed class VaultSettings : PayModeSettings
{
    [Required(ErrorMessage = "Give the account id.")]
    public string? AccountId { get; set; }

    [Secret]
    public string? ApiKey { get; set; }
}

public sealed class VaultSelector : PayModeSelector<VaultSettings>
{
    protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, Mode.Name);
}

/// <summary>Written as a class because the test project has no Razor compiler; same shape as a pay mode's .razor form.</summary>
public sealed class VaultSettingsForm : PayModeSettingsForm<VaultSettings>
{
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenComponent<SettingsFormShell>(0);
        builder.AddComponentParameter(1, nameof(SettingsFormShell.Settings), Settings);
        builder.AddComponentParameter(2, nameof(SettingsFormShell.Code), "vault");
        builder.AddComponentParameter(3, nameof(SettingsFormShell.OnValidSubmit), OnValidSubmit);
        builder.AddComponentParameter(4, nameof(SettingsFormShell.ChildContent), (RenderFragment)(content =>
        {
            content.OpenComponent<MudTextField<string>>(0);
            content.AddComponentParameter(1, "Label", "Account id");
            content.AddComponentParameter(2, "Value", Settings.AccountId);
            content.AddComponentParameter(3, "ValueChanged", EventCallback.Factory.Create<string>(this, v => Settings.AccountId = v));
            content.AddComponentParameter(4, "Class", "field-account-id");
            content.CloseComponent();
            content.OpenComponent<SecretField>(10);
            content.AddComponentParameter(11, nameof(SecretField.Class), $"secret-{nameof(VaultSettings.ApiKey)}");
            content.AddComponentParameter(12, nameof(SecretField.Label), "API key");
            content.AddComponentParameter(13, nameof(SecretField.Value), Settings.ApiKey);
            content.AddComponentParameter(14, nameof(SecretField.ValueChanged), EventCallback.Factory.Create<string?>(this, v => Settings.ApiKey = v));
            content.CloseComponent();
        }));
        builder.CloseComponent();
    }
}
