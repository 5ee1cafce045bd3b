using System.Text.RegularExpressions;
using Shop.PayModes.Core.Components;
using Shop.PayModes.Core.SignatureLab;

namespace Shop.PayModes.Core;

/// <summary>
/// The registration mistakes the registry refuses at start-up, each said with the mode it is about and the fix: what
/// the compiler cannot see (codes, component and settings types, kinds) and what a mode forgot to declare.
/// </summary>
public static partial class PayModeChecks
{
    /// <param name="declarations">What each mode declared, or null when only the modes are known (nothing to compare with).</param>
    public static IReadOnlyList<string> Find(
        IReadOnlyList<IPayMode> modes, IReadOnlyList<PayModeDeclaration>? declarations, IReadOnlyList<ISignatureLabProvider> labs)
    {
        var problems = new List<string>();
        foreach (var duplicate in modes.GroupBy(m => m.Code, StringComparer.Ordinal).Where(g => g.Count() > 1))
            problems.Add($"Pay modes {Names(duplicate)} all use the code '{duplicate.Key}': give each mode a code of its own.");
        var zeroAmount = modes.Where(m => m.Kind == PayModeKind.ZeroAmount).ToList();
        if (zeroAmount.Count > 1)
            problems.Add($"Pay modes {Names(zeroAmount)} all have the kind {nameof(PayModeKind.ZeroAmount)}, but the checkout needs " +
                "exactly one mode for orders with nothing to pay: give the others another kind.");
        foreach (var mode in modes)
            problems.AddRange(ProblemsOf(mode, declarations));
        foreach (var lab in labs.Where(l => !modes.Any(m => m.Code == l.Code)))
            problems.Add($"Signature-lab provider {lab.GetType().Name} has the code '{lab.Code}', which no registered pay mode has: " +
                "give it the code of the pay mode that declares it (mode.SignatureLab<T>()), or register that pay mode.");
        return problems;
    }

    private static IEnumerable<string> ProblemsOf(IPayMode mode, IReadOnlyList<PayModeDeclaration>? declarations)
    {
        var name = mode.GetType().Name;
        if (mode.Code is null || !UrlSegment().IsMatch(mode.Code))
            yield return $"Pay mode {name} has the code '{mode.Code}', which is not a lowercase URL segment: " +
                "use lowercase letters and digits, with '-' or '_' inside (e.g. 'mybank').";
        if (!typeof(PayModeSettings).IsAssignableFrom(mode.SettingsType) || mode.SettingsType.IsAbstract)
        {
            yield return $"Pay mode {name} has the settings type {mode.SettingsType?.Name}, which is not a concrete {nameof(PayModeSettings)}: " +
                $"make its settings a class deriving from {nameof(PayModeSettings)}.";
            yield break;
        }
        if (mode.CreateDefaultSettings() is var defaults && defaults?.GetType() != mode.SettingsType)
            yield return $"Pay mode {name} declares the settings type {mode.SettingsType.Name} but CreateDefaultSettings() returns " +
                $"{defaults?.GetType().Name ?? "null"}: return a new {mode.SettingsType.Name}.";
        if (ComponentProblem(name, "selector", mode.SelectorComponent, typeof(PayModeSelector<>), mode.SettingsType, required: true) is { } selector)
            yield return selector;
        if (ComponentProblem(name, "settings form", mode.SettingsFormComponent, typeof(PayModeSettingsForm<>), mode.SettingsType, required: true) is { } form)
            yield return form;
        if (ComponentProblem(name, "bill panel", mode.BillPanelComponent, typeof(PayModeBillPanel<>), mode.SettingsType, required: false) is { } panel)
            yield return panel;
        if (declarations is null)
            yield break;
        if (declarations.FirstOrDefault(d => d.ModeType == mode.GetType()) is not { } declared)
        {
            yield return $"Pay mode {name} is registered without AddPayMode, so nothing it brings is registered: " +
                $"register it with services.AddPayMode<{name}>().";
            yield break;
        }
        if (mode.Kind == PayModeKind.Redirect && !declared.HasSandbox)
            yield return $"Pay mode {name} sends buyers to a provider ({nameof(PayModeKind.Redirect)}) but declares no sandbox, so the shop's " +
                "test mode cannot pay with it: declare one in its Register (mode.Sandbox<T>() for the hosted-page sandbox, " +
                "or mode.SandboxRoutes<T>() for routes of its own).";
        if (mode is IPayModeSandbox && declared.SandboxRoutes is null)
            yield return $"Pay mode {name} maps sandbox routes ({nameof(IPayModeSandbox)}) that its Register does not declare, so they " +
                $"would never be mapped: add mode.SandboxRoutes<{name}>() to its Register.";
    }

    private static string? ComponentProblem(string mode, string role, Type? component, Type genericBase, Type settings, bool required)
    {
        var expected = genericBase.MakeGenericType(settings);
        var expectedName = $"{genericBase.Name[..genericBase.Name.IndexOf('`')]}<{settings.Name}>";
        if (component is null)
            return required ? $"Pay mode {mode} has no {role} component: give it one deriving from {expectedName}." : null;
        return expected.IsAssignableFrom(component)
            ? null
            : $"Pay mode {mode} has the {role} {component.Name}, which does not derive from {expectedName}: " +
                $"write it with @inherits {expectedName}, so it takes the parameters the shop passes.";
    }

    private static string Names(IEnumerable<IPayMode> modes) => string.Join(", ", modes.Select(m => m.GetType().Name));

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?$")]
    private static partial Regex UrlSegment();
}
