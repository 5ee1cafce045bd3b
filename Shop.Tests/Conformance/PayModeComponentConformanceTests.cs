using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Shop.PayModes.Core;
using Shop.Web.Admin;

namespace Shop.Tests.Conformance;

/// <summary>
/// What every registered pay mode brings renders (bUnit, the running shop's services behind the test's own): its
/// selector, its settings form (fresh, and with secrets stored, as the admin page hands it over), its bill panel in
/// every state; and its self-check runs. No rendering shows a secret setting.
/// </summary>
public sealed class PayModeComponentConformanceTests(ConformanceShop shop) : IClassFixture<ConformanceShop>
{
    public static TheoryData<string> Modes => RegisteredPayModes.Theory();

    /// <summary>A bUnit context in which anything the test does not register comes from the shop (settings, seller identity, ...).</summary>
    private static BunitContext Context(IServiceProvider shopServices)
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices(o => o.SnackbarConfiguration.ShowTransitionDuration = 0);
        context.Services.AddFallbackServiceProvider(shopServices);
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return context;
    }

    private static IRenderedComponent<DynamicComponent> Render(BunitContext context, Type component, Dictionary<string, object> parameters) =>
        context.Render<DynamicComponent>(p => p.Add(c => c.Type, component).Add(c => c.Parameters, parameters));

    /// <summary>Stores a unique value in each secret setting of the mode; returns the settings and those values.</summary>
    private async Task<(PayModeSettings Settings, string[] Canaries)> StoreCanariesAsync(IPayMode mode)
    {
        var settings = mode.CreateDefaultSettings();
        var canaries = RegisteredPayModes.SecretSettings(mode).Select(p =>
        {
            var canary = $"Canary{mode.Code}{p.Name}{Guid.NewGuid():N}";
            p.SetValue(settings, canary);
            return canary;
        }).ToArray();
        await shop.InScopeAsync(async sp =>
        {
            var store = sp.GetRequiredService<IPayModeSettingsStore>();
            await store.SaveAsync((await store.GetAsync(mode.Code)) with { Settings = settings });
            return 0;
        });
        return (settings, canaries);
    }

    private static void AssertNoCanary(string markup, IEnumerable<string> canaries, string what)
    {
        foreach (var canary in canaries)
            Assert.False(markup.Contains(canary, StringComparison.Ordinal), $"{what} shows the secret setting {canary}");
    }

    [Theory, MemberData(nameof(Modes))]
    public async Task Selector_renders_with_default_settings_and_shows_no_secret(string code)
    {
        var mode = shop.Mode(code);
        var (withSecrets, canaries) = await StoreCanariesAsync(mode);
        await using var scope = shop.Services.CreateAsyncScope();
        await using var context = Context(scope.ServiceProvider);

        foreach (var settings in new[] { mode.CreateDefaultSettings(), withSecrets })
        {
            var cut = Render(context, mode.SelectorComponent, new() { ["Mode"] = mode, ["Settings"] = settings, ["Total"] = 2998L, ["Currency"] = "EUR" });
            Assert.Contains(System.Net.WebUtility.HtmlEncode(mode.Name), cut.Markup);
            AssertNoCanary(cut.Markup, canaries, $"the {code} selector");
        }
    }

    [Theory, MemberData(nameof(Modes))]
    public async Task Settings_form_renders_fresh_and_with_secrets_stored_never_showing_one(string code)
    {
        var mode = shop.Mode(code);
        var (withSecrets, canaries) = await StoreCanariesAsync(mode);
        await using var scope = shop.Services.CreateAsyncScope();
        var editing = (await scope.ServiceProvider.GetRequiredService<PayModeAdmin>().EditAsync(code))!;
        await using var context = Context(scope.ServiceProvider);

        // Fresh; as the settings page hands them over (secrets as "kept" markers); and with the clear secrets themselves.
        foreach (var settings in new[] { mode.CreateDefaultSettings(), editing.FormSettings, withSecrets })
        {
            var cut = Render(context, mode.SettingsFormComponent, new()
            {
                ["Settings"] = settings,
                ["OnValidSubmit"] = EventCallback.Factory.Create<PayModeSettings>(this, _ => { }),
            });
            Assert.NotEmpty(cut.FindAll("form"));
            AssertNoCanary(cut.Markup, canaries, $"the {code} settings form");
        }
    }

    [Theory, MemberData(nameof(Modes))]
    public async Task Bill_panel_renders_for_a_bill_in_every_state_and_shows_no_secret(string code)
    {
        var mode = shop.Mode(code);
        if (mode.BillPanelComponent is not { } panel)
            return;
        var (withSecrets, canaries) = await StoreCanariesAsync(mode);
        await using var scope = shop.Services.CreateAsyncScope();
        await using var context = Context(scope.ServiceProvider);

        foreach (var state in Enum.GetValues<BillState>())
            foreach (var settings in new[] { mode.CreateDefaultSettings(), withSecrets })
            {
                var bill = new BillView("R3f9XkQ2mW8pLz4nT6vB1a", state, 2998, state.IsPaid() ? 2998 : 0, "EUR", code,
                    "Ada", "Lovelace", "ada@example.com", [], DateTime.UtcNow, DateTime.UtcNow, false, null, null);
                var cut = Render(context, panel, new() { ["Bill"] = bill, ["Settings"] = settings });
                AssertNoCanary(cut.Markup, canaries, $"the {code} bill panel ({state})");
            }
    }

    [Theory, MemberData(nameof(Modes))]
    public async Task Self_check_runs_and_returns_lines_without_a_secret(string code)
    {
        var mode = shop.Mode(code);
        if (mode is not IPayModeSelfCheck check)
            return;
        var (withSecrets, canaries) = await StoreCanariesAsync(mode);
        var current = shop.Service<IShopSettings>().Current;

        foreach (var settings in new[] { mode.CreateDefaultSettings(), withSecrets })
        {
            var result = check.Run(settings, current);
            Assert.NotEmpty(result.Lines);
            AssertNoCanary(string.Join('\n', result.Lines.Select(l => $"{l.Check} {l.Detail}")), canaries, $"the {code} self-check");
        }
        // And as the dashboard runs it, on the stored settings.
        var stored = await shop.InScopeAsync(sp => sp.GetRequiredService<PayModeAdmin>().SelfCheckAsync(code));
        Assert.NotNull(stored);
    }
}
