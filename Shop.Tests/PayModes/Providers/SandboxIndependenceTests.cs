using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Shop.PayModes.Core;

namespace Shop.Tests.PayModes.Providers;

/// <summary>
/// Each provider's sandbox is written independently of the pay mode it tests: the code in a mode's
/// <c>Sandbox/</c> folder names no type of the mode's own namespace (its settings, parsers, messages, constants),
/// so a mistake in the mode cannot be mirrored by its sandbox and pass. Shared core infrastructure is fine.
/// Read from the source, not the assembly: constants and <c>nameof</c> leave no trace in compiled code.
/// </summary>
public sealed partial class SandboxIndependenceTests
{
    private static readonly Assembly PayModes = typeof(PayModeRegistry).Assembly;

    [Fact]
    public void No_sandbox_names_a_type_of_the_mode_it_stands_in_for()
    {
        var folders = SandboxFolders();
        Assert.Contains(folders, f => f.Mode == "PayPal");
        Assert.True(folders.Count >= 4, $"only {folders.Count} sandbox folders found under {PayModesSource()}");

        var offences = folders.SelectMany(f => Offences(f.Mode, f.Folder)).ToList();

        Assert.True(offences.Count == 0, "Sandbox code uses its mode's own types:\n" + string.Join("\n", offences));
    }

    [Fact]
    public void The_check_sees_a_mode_type_in_code_but_not_in_comments_or_text()
    {
        var modeTypes = TopLevelTypeNames("Shop.PayModes.PayPal");
        Assert.Contains("PayPalSettings", modeTypes);

        Assert.Equal([2, 4], Uses("""
            // PayPalSettings in a comment, and "PayPalSettings" in text, are no use of the type
            var settings = store.GetSettingsAsync<PayPalSettings>(code); /* PayPalSettings */
            var text = $"{nameof(SandboxIssue)} PayPalSettings";
            var hole = $"settings: {PayPalSettings.Describe()}";
            """, modeTypes).Select(u => u.Line));
    }

    private static IEnumerable<string> Offences(string mode, string folder)
    {
        var modeTypes = TopLevelTypeNames($"Shop.PayModes.{mode}");
        Assert.NotEmpty(modeTypes);
        foreach (var file in Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal)))
            foreach (var (line, name) in Uses(File.ReadAllText(file), modeTypes))
                yield return $"{Path.GetRelativePath(PayModesSource(), file)}:{line} uses {name}";
    }

    /// <summary>The mode types <paramref name="source"/> names in its code (comments, strings and characters left out), with their lines.</summary>
    private static IEnumerable<(int Line, string Name)> Uses(string source, IReadOnlySet<string> modeTypes)
    {
        // Each is blanked, keeping its line breaks, and an interpolated string keeps the code in its holes.
        var code = CommentsAndText().Replace(source, m =>
            new string('\n', m.Value.Count(c => c == '\n')) + " "
            + (m.Value.TrimStart('@').StartsWith('$') ? string.Join(" ", Hole().Matches(m.Value).Select(h => h.Groups[1].Value)) : ""));
        var lines = code.Split('\n');
        for (var i = 0; i < lines.Length; i++)
            foreach (Match word in Identifier().Matches(lines[i]))
                if (modeTypes.Contains(word.Value))
                    yield return (i + 1, word.Value);
    }

    /// <summary>Top-level types declared in exactly <paramref name="ns"/> (not in its <c>.Sandbox</c> child), by their C# name.</summary>
    private static HashSet<string> TopLevelTypeNames(string ns) =>
        [.. PayModes.GetTypes()
            .Where(t => t.Namespace == ns && t.DeclaringType is null && !t.IsDefined(typeof(CompilerGeneratedAttribute)) && !t.Name.Contains('<'))
            .Select(t => t.Name.Split('`')[0])];

    private static List<(string Mode, string Folder)> SandboxFolders() =>
        [.. Directory.EnumerateDirectories(PayModesSource())
            .Where(d => Path.GetFileName(d) != "Core" && Directory.Exists(Path.Combine(d, "Sandbox")))
            .Select(d => (Path.GetFileName(d), Path.Combine(d, "Sandbox")))];

    private static string PayModesSource()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Shop.sln")))
            dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Shop.sln not found above " + AppContext.BaseDirectory), "Shop.PayModes");
    }

    /// <summary>Comments, string literals (regular, verbatim, raw, interpolated) and character literals.</summary>
    [GeneratedRegex("""//[^\n]*|/\*.*?\*/|\$*"{3,}.*?"{3,}|\$?@"(?:[^"]|"")*"|@?\$?"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)+'""", RegexOptions.Singleline)]
    private static partial Regex CommentsAndText();

    /// <summary>The code in an interpolated string's hole (the holes' own nesting is not followed).</summary>
    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex Hole();

    [GeneratedRegex(@"@?\b[A-Za-z_][A-Za-z0-9_]*\b")]
    private static partial Regex Identifier();
}
