using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Shop.PayModes;
using Shop.PayModes.Core;
using Shop.PayModes.Core.Components;
using Shop.PayModes.Core.Sandbox;
using Shop.PayModes.Core.SignatureLab;

namespace Shop.Tests.PayModes.Core.Registry;

/// <summary>
/// The registration mistakes the registry refuses when it is built at start-up, each with a message naming the mode and
/// the fix. Every mode here is fine but for the one mistake its test is about (<see cref="A_correct_mode_passes"/>).
/// </summary>
public sealed class PayModeRegistryTests
{
    private static PayModeRegistry Build(Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        register(services);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<PayModeRegistry>();
    }

    private static string Refusal(Action<IServiceCollection> register) =>
        Assert.Throws<InvalidOperationException>(() => Build(register)).Message;

    [Fact]
    public void A_correct_mode_passes()
    {
        var registry = Build(s => s.AddPayMode<GoodMode>().AddPayMode<ProviderMode>().AddPayMode<RoutedProviderMode>());

        Assert.Equal(["good", "provider", "routed"], registry.All.Select(m => m.Code));
        Assert.Null(registry.ZeroAmount);
    }

    [Fact]
    public void The_built_in_modes_pass_and_the_zero_amount_one_is_found_by_its_kind()
    {
        var registry = Build(s => s.AddBuiltInPayModes());

        Assert.NotEmpty(registry.All);   // every built-in mode, however many, passes the start-up check
        Assert.Equal(PayModeKind.ZeroAmount, registry.ZeroAmount!.Kind);
        Assert.Same(registry.ZeroAmount, registry.All.Single(m => m.Kind == PayModeKind.ZeroAmount));
    }

    [Fact]
    public void The_registry_is_built_when_the_host_starts()
    {
        var services = new ServiceCollection().AddPayMode<GoodMode>().AddPayMode<SameCodeMode>();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetServices<IHostedService>().ToList());
        Assert.Contains("'good'", error.Message);
    }

    [Fact]
    public void Two_modes_with_one_code_are_refused()
    {
        var message = Refusal(s => s.AddPayMode<GoodMode>().AddPayMode<SameCodeMode>());

        Assert.Contains("GoodMode, SameCodeMode all use the code 'good'", message);
        Assert.Contains("give each mode a code of its own", message);
    }

    [Theory]
    [InlineData(typeof(UpperCaseCodeMode), "MyBank")]
    [InlineData(typeof(SlashCodeMode), "my/bank")]
    [InlineData(typeof(EmptyCodeMode), "")]
    public void A_code_that_is_not_a_lowercase_url_segment_is_refused(Type mode, string code)
    {
        var message = Refusal(s => typeof(PayModeServiceCollectionExtensions).GetMethod(nameof(PayModeServiceCollectionExtensions.AddPayMode))!
            .MakeGenericMethod(mode).Invoke(null, [s]));

        Assert.Contains($"Pay mode {mode.Name} has the code '{code}', which is not a lowercase URL segment", message);
        Assert.Contains("use lowercase letters and digits", message);
    }

    [Fact]
    public void A_signature_lab_of_no_registered_mode_is_refused()
    {
        var message = Refusal(s => s.AddPayMode<OrphanLabMode>());

        Assert.Contains("Signature-lab provider OrphanLab has the code 'nobody', which no registered pay mode has", message);
        Assert.Contains("give it the code of the pay mode that declares it", message);
    }

    [Fact]
    public void An_untyped_selector_is_refused() =>
        Assert.Contains("Pay mode UntypedSelectorMode has the selector UntypedSelector, which does not derive from PayModeSelector<FakeSettings>: " +
            "write it with @inherits PayModeSelector<FakeSettings>", Refusal(s => s.AddPayMode<UntypedSelectorMode>()));

    [Fact]
    public void A_selector_typed_for_other_settings_is_refused() =>
        Assert.Contains("Pay mode OtherSettingsSelectorMode has the selector OtherSelector, which does not derive from PayModeSelector<FakeSettings>",
            Refusal(s => s.AddPayMode<OtherSettingsSelectorMode>()));

    [Fact]
    public void An_untyped_settings_form_is_refused() =>
        Assert.Contains("Pay mode UntypedFormMode has the settings form UntypedForm, which does not derive from PayModeSettingsForm<FakeSettings>",
            Refusal(s => s.AddPayMode<UntypedFormMode>()));

    [Fact]
    public void An_untyped_bill_panel_is_refused() =>
        Assert.Contains("Pay mode UntypedPanelMode has the bill panel UntypedPanel, which does not derive from PayModeBillPanel<FakeSettings>",
            Refusal(s => s.AddPayMode<UntypedPanelMode>()));

    [Fact]
    public void Settings_type_and_default_settings_that_differ_are_refused()
    {
        var message = Refusal(s => s.AddPayMode<MismatchedSettingsMode>());

        Assert.Contains("Pay mode MismatchedSettingsMode declares the settings type FakeSettings but CreateDefaultSettings() returns OtherSettings", message);
        Assert.Contains("return a new FakeSettings", message);
    }

    [Fact]
    public void A_second_zero_amount_mode_is_refused()
    {
        var message = Refusal(s => s.AddPayMode<ZeroMode>().AddPayMode<SecondZeroMode>());

        Assert.Contains("Pay modes ZeroMode, SecondZeroMode all have the kind ZeroAmount", message);
        Assert.Contains("give the others another kind", message);
    }

    [Fact]
    public void A_redirect_mode_without_a_sandbox_is_refused()
    {
        var message = Refusal(s => s.AddPayMode<SandboxlessProviderMode>());

        Assert.Contains("Pay mode SandboxlessProviderMode sends buyers to a provider (Redirect) but declares no sandbox", message);
        Assert.Contains("mode.Sandbox<T>()", message);
    }

    [Fact]
    public void Sandbox_routes_the_registration_does_not_declare_are_refused()
    {
        var message = Refusal(s => s.AddPayMode<UndeclaredRoutesMode>());

        Assert.Contains("Pay mode UndeclaredRoutesMode maps sandbox routes (IPayModeSandbox) that its Register does not declare", message);
        Assert.Contains("add mode.SandboxRoutes<UndeclaredRoutesMode>()", message);
    }

    [Fact]
    public void A_mode_registered_without_AddPayMode_is_refused()
    {
        var message = Refusal(s => s.AddPayMode<ProviderMode>().AddSingleton<IPayMode, GoodMode>());

        Assert.Contains("Pay mode GoodMode is registered without AddPayMode", message);
        Assert.Contains("services.AddPayMode<GoodMode>()", message);
    }

    [Fact]
    public void Every_mistake_is_said_at_once()
    {
        var message = Refusal(s => s.AddPayMode<UntypedFormMode>().AddPayMode<SandboxlessProviderMode>());

        Assert.Contains("UntypedFormMode", message);
        Assert.Contains("SandboxlessProviderMode", message);
    }
}

public sealed class FakeSettings : PayModeSettings;

public sealed class OtherSettings : PayModeSettings;

public sealed class FakeSelector : PayModeSelector<FakeSettings>;

public sealed class FakeForm : PayModeSettingsForm<FakeSettings>;

public sealed class FakePanel : PayModeBillPanel<FakeSettings>;

public sealed class OtherSelector : PayModeSelector<OtherSettings>;

public sealed class UntypedSelector : ComponentBase;

public sealed class UntypedForm : ComponentBase;

public sealed class UntypedPanel : ComponentBase;

/// <summary>A mode written against <see cref="IPayMode"/> directly, where the compiler checks none of its types.</summary>
public abstract class FakeMode : IPayMode
{
    public virtual string Code => "good";

    public string Name => GetType().Name;

    public string Description => "A pay mode of the registry tests.";

    public virtual PayModeKind Kind => PayModeKind.Deferred;

    public Type SettingsType => typeof(FakeSettings);

    public virtual Type SelectorComponent => typeof(FakeSelector);

    public virtual Type SettingsFormComponent => typeof(FakeForm);

    public virtual Type? BillPanelComponent => typeof(FakePanel);

    public virtual PayModeSettings CreateDefaultSettings() => new FakeSettings();

    public Availability IsOffered(OfferContext context, PayModeSettings settings) => Availability.Yes;

    public void MapEndpoints(IEndpointRouteBuilder group)
    {
    }
}

public sealed class GoodMode : FakeMode, IPayModeRegistration
{
    public static void Register(PayModeBuilder mode)
    {
    }
}

public sealed class SameCodeMode : FakeMode, IPayModeRegistration
{
    public static void Register(PayModeBuilder mode)
    {
    }
}

public sealed class UpperCaseCodeMode : FakeMode, IPayModeRegistration
{
    public override string Code => "MyBank";

    public static void Register(PayModeBuilder mode)
    {
    }
}

public sealed class SlashCodeMode : FakeMode, IPayModeRegistration
{
    public override string Code => "my/bank";

    public static void Register(PayModeBuilder mode)
    {
    }
}

public sealed class EmptyCodeMode : FakeMode, IPayModeRegistration
{
    public override string Code => "";

    public static void Register(PayModeBuilder mode)
    {
    }
}

public sealed class OrphanLab : ISignatureLabProvider
{
    public string Code => "nobody";

    public IReadOnlyList<string> Algorithms => ["SHA-256"];

    public string BodyHint => "a=1";

    public SignatureLabResult Analyze(SignatureLabInput input) => new("", "", null);
}

public sealed class OrphanLabMode : FakeMode, IPayModeRegistration
{
    public static void Register(PayModeBuilder mode) => mode.SignatureLab<OrphanLab>();
}

public sealed class UntypedSelectorMode : FakeMode, IPayModeRegistration
{
    public override Type SelectorComponent => typeof(UntypedSelector);

    public static void Register(PayModeBuilder mode)
    {
    }
}

public sealed class OtherSettingsSelectorMode : FakeMode, IPayModeRegistration
{
    public override Type SelectorComponent => typeof(OtherSelector);

    public static void Register(PayModeBuilder mode)
    {
    }
}

public sealed class UntypedFormMode : FakeMode, IPayModeRegistration
{
    public override string Code => "untyped-form";

    public override Type SettingsFormComponent => typeof(UntypedForm);

    public static void Register(PayModeBuilder mode)
    {
    }
}

public sealed class UntypedPanelMode : FakeMode, IPayModeRegistration
{
    public override Type? BillPanelComponent => typeof(UntypedPanel);

    public static void Register(PayModeBuilder mode)
    {
    }
}

public sealed class MismatchedSettingsMode : FakeMode, IPayModeRegistration
{
    public override PayModeSettings CreateDefaultSettings() => new OtherSettings();

    public static void Register(PayModeBuilder mode)
    {
    }
}

public sealed class ZeroMode : FakeMode, IPayModeRegistration
{
    public override string Code => "zero";

    public override PayModeKind Kind => PayModeKind.ZeroAmount;

    public static void Register(PayModeBuilder mode)
    {
    }
}

public sealed class SecondZeroMode : FakeMode, IPayModeRegistration
{
    public override string Code => "zero2";

    public override PayModeKind Kind => PayModeKind.ZeroAmount;

    public static void Register(PayModeBuilder mode)
    {
    }
}

public sealed class SandboxlessProviderMode : FakeMode, IPayModeRegistration
{
    public override string Code => "sandboxless";

    public override PayModeKind Kind => PayModeKind.Redirect;

    public static void Register(PayModeBuilder mode)
    {
    }
}

/// <summary>A provider on the shared hosted-page sandbox.</summary>
public sealed class ProviderMode : FakeMode, IPayModeRegistration
{
    public override string Code => "provider";

    public override PayModeKind Kind => PayModeKind.Redirect;

    public static void Register(PayModeBuilder mode) => mode.Sandbox<FakeSandbox>();
}

/// <summary>A provider mapping sandbox routes of its own.</summary>
public sealed class RoutedProviderMode : FakeMode, IPayModeRegistration, IPayModeSandbox
{
    public override string Code => "routed";

    public override PayModeKind Kind => PayModeKind.Redirect;

    public static void Register(PayModeBuilder mode) => mode.SandboxRoutes<RoutedProviderMode>();

    public void MapSandbox(IEndpointRouteBuilder sandbox)
    {
    }
}

public sealed class UndeclaredRoutesMode : FakeMode, IPayModeRegistration, IPayModeSandbox
{
    public override string Code => "undeclared";

    public static void Register(PayModeBuilder mode)
    {
    }

    public void MapSandbox(IEndpointRouteBuilder sandbox)
    {
    }
}

public sealed class FakeSandbox : IProviderSandbox
{
    public string Code => "provider";

    public string ProviderName => "Provider";

    public Task<SandboxRequestCheck> CheckRequestAsync(IReadOnlyList<KeyValuePair<string, string>> form, Microsoft.AspNetCore.Http.HttpRequest http, CancellationToken ct) =>
        Task.FromResult(SandboxRequestCheck.Refuse("fake"));

    public Task<IReadOnlyList<KeyValuePair<string, string>>> SignResponseAsync(SandboxPayment payment, SandboxStatus status, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<KeyValuePair<string, string>>>([]);
}
