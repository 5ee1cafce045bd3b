using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes;
using Shop.PayModes.Core;

namespace Shop.Tests.PayModes.Core.Registry;

/// <summary>
/// "A new pay mode is its folder plus one registration line": the core and the host name no mode, in code or in comments.
/// The names come from the registry itself (each mode's code as a string literal, its namespace, the types it brings),
/// plus the providers behind the built-in modes, so a mode added tomorrow is covered without editing this test.
/// </summary>
public sealed class SourceTreeTests
{
    /// <summary>The providers the built-in modes speak to, under every name they go by.</summary>
    private static readonly string[] ProviderNames = ["Mercanet", "SystemPay", "Lyra", "Ogone", "PayPal", "Sips", "Worldline", "freeorder", "Stripe"];

    private static readonly string[] Scanned = ["Shop.PayModes/Core", "Shop.Web"];

    private static readonly string[] TextExtensions = [".cs", ".razor", ".cshtml", ".css", ".js", ".json", ".html", ".md", ".txt", ".csproj", ".props", ".xml", ".resx"];

    public sealed record Name(string Label, Regex Pattern);

    public static IReadOnlyList<Name> ForbiddenNames()
    {
        using var services = new ServiceCollection().AddBuiltInPayModes().BuildServiceProvider();
        var registry = services.GetRequiredService<PayModeRegistry>();
        var names = new List<Name>();
        foreach (var mode in registry.All)
        {
            names.Add(new($"\"{mode.Code}\"", new Regex(Regex.Escape($"\"{mode.Code}\""))));
            var space = mode.GetType().Namespace!;
            names.Add(Word($"PayModes.{space[(space.LastIndexOf('.') + 1)..]}", RegexOptions.None));
            var declared = registry.DeclarationOf(mode)!;
            Type?[] types = [mode.GetType(), mode.SettingsType, mode.SelectorComponent, mode.SettingsFormComponent, mode.BillPanelComponent,
                declared.Sandbox, declared.SandboxRoutes, .. declared.SignatureLabs, .. declared.NotificationProtocols];
            names.AddRange(types.OfType<Type>().Select(t => t.Name).Distinct().Select(t => Word(t, RegexOptions.None)));
        }
        names.AddRange(ProviderNames.Select(p => Word(p, RegexOptions.IgnoreCase)));
        return names;
    }

    private static Name Word(string word, RegexOptions options) =>
        new(word, new Regex($@"(?<![A-Za-z0-9_]){Regex.Escape(word)}(?![A-Za-z0-9_])", options));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Shop.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"No Shop.sln above {AppContext.BaseDirectory}.");
    }

    private static IEnumerable<string> Mentions(string line, IReadOnlyList<Name> names) =>
        names.Where(n => n.Pattern.IsMatch(line)).Select(n => n.Label);

    [Fact]
    public void The_names_come_from_the_registry_and_catch_a_mode_named_in_code()
    {
        var names = ForbiddenNames();

        Assert.Contains(names, n => n.Label == "\"check\"");
        Assert.Contains(names, n => n.Label == "PayModes.Transfer");
        Assert.Contains(names, n => n.Label == "TestBillPanel");
        Assert.Contains(names, n => n.Label == "OgoneSignatureLab");
        Assert.Equal(["CheckPayMode"], Mentions("        services.AddPayMode<CheckPayMode>();", names));
        Assert.Equal(["\"test\""], Mentions("if (code == \"test\")", names));
        Assert.Equal(["PayPal"], Mentions("// the paypal.com API", names));
        Assert.Equal(["PayModes.Check"], Mentions("using Shop.PayModes.Check;", names));
        Assert.Empty(Mentions("Test mode: Check the link; a transfer is a SelfCheck of the test settings", names));
    }

    [Fact]
    public void No_file_of_the_core_or_the_host_names_a_pay_mode()
    {
        var root = RepositoryRoot();
        var names = ForbiddenNames();
        var found = new List<string>();
        foreach (var folder in Scanned)
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                if (relative.Split('/') is var parts && (parts.Contains("bin") || parts.Contains("obj")))
                    continue;
                if (!TextExtensions.Contains(Path.GetExtension(file)) || Path.GetFileName(file).StartsWith("appsettings", StringComparison.Ordinal))
                    continue;
                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                    foreach (var mention in Mentions(lines[i], names))
                        found.Add($"{relative}:{i + 1}: {mention}");
            }

        Assert.True(found.Count == 0,
            $"The core and the host must not name a pay mode (say \"a provider\", or ask the registry). Found:{Environment.NewLine}" +
            string.Join(Environment.NewLine, found));
    }
}
