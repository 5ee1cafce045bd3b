using System.Text;
using System.Text.RegularExpressions;

namespace Shop.Tests.Docs;

/// <summary>
/// The documentation travels with the code: nothing in the repository cites a file outside it, and every link to
/// <c>docs/</c> (markdown links in the README and the docs, <c>docs/...</c> paths in code comments) leads to a file
/// or folder that exists, and a markdown anchor to a heading that exists.
/// </summary>
public sealed partial class DocsLinkTests
{
    /// <summary>Files people read: code, components, scripts, markdown, and the JSON/MSBuild files beside them.</summary>
    private static readonly string[] Extensions = [".cs", ".razor", ".md", ".sh", ".json", ".props", ".csproj", ".js", ".mjs", ".css"];

    /// <summary>Build output, dependencies and tools' folders: not the project's text.</summary>
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal) { "bin", "obj", "node_modules", "TestResults", "publish" };

    /// <summary>
    /// Citations of the reference files outside the repository. Spelled in pieces, so this file does not cite them itself
    /// (and a rewrite of the citations leaves it alone).
    /// </summary>
    private static readonly string[] OutsideCitations =
    [
        "../" + "shared",
        "shared" + "/spec",
        "PAY" + "MODES.md",
        "INTER" + "FACES.md",
        "spec" + " §",
    ];

    private static readonly string Root = FindRoot();

    [Fact]
    public void No_file_cites_a_document_outside_the_repository()
    {
        var citations = (
            from file in Files()
            from line in File.ReadLines(file).Select((text, index) => (Text: text, Number: index + 1))
            from citation in OutsideCitations
            where line.Text.Contains(citation, StringComparison.Ordinal)
            select $"{Relative(file)}:{line.Number}: {citation}").ToList();
        Assert.True(citations.Count == 0,
            $"{citations.Count} citations of documents outside the repository (cite docs/ instead):\n{string.Join('\n', citations)}");
    }

    [Fact]
    public void Every_markdown_link_in_the_readme_and_the_docs_leads_somewhere()
    {
        var broken = new List<string>();
        foreach (var file in MarkdownFiles())
        {
            foreach (Match link in MarkdownLink().Matches(WithoutCode(File.ReadAllText(file))))
            {
                var target = link.Groups["target"].Value.Trim();
                if (target.Length == 0 || UriSchemePrefix().IsMatch(target))
                    continue;
                if (Problem(file, target) is { } problem)
                    broken.Add($"{Relative(file)}: ({target}) {problem}");
            }
        }
        Assert.True(broken.Count == 0, $"{broken.Count} broken links:\n{string.Join('\n', broken)}");
    }

    [Fact]
    public void Every_docs_path_named_in_the_code_exists()
    {
        var missing = (
            from file in Files().Where(f => !IsUnder(f, "docs"))
            from line in File.ReadLines(file).Select((text, index) => (Text: text, Number: index + 1))
            from Match mention in DocsPath().Matches(line.Text)
            where !File.Exists(FromRoot(mention.Value)) && !Directory.Exists(FromRoot(mention.Value))
            select $"{Relative(file)}:{line.Number}: {mention.Value}").ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} mentions of docs/ paths that do not exist:\n{string.Join('\n', missing)}");
    }

    [Fact]
    public void The_docs_the_code_cites_are_in_the_repository()
    {
        // The checks above would pass vacuously on a tree without docs; these are the pages the README and comments cite.
        string[] pages =
        [
            "docs/README.md", "docs/pay-modes.md", "docs/lifecycle.md", "docs/notifications.md", "docs/sandbox.md",
            "docs/signature-lab.md", "docs/interfaces.md", "docs/writing-a-pay-mode.md", "docs/providers/README.md",
            "docs/providers/mercanet.md", "docs/providers/systempay.md", "docs/providers/ogone.md", "docs/providers/paypal.md",
            "docs/providers/test.md", "docs/providers/freeorder.md", "docs/providers/check.md", "docs/providers/transfer.md",
        ];
        Assert.DoesNotContain(pages, page => !File.Exists(FromRoot(page)));
        Assert.Contains("](docs/README.md)", File.ReadAllText(FromRoot("README.md")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("The ten rules", "the-ten-rules")]
    [InlineData("5. Verdicts and answers", "5-verdicts-and-answers")]
    [InlineData("The `signature` command", "the-signature-command")]
    [InlineData("What an admin does (`/admin`)", "what-an-admin-does-admin")]
    [InlineData("Pay modes and sandbox", "pay-modes-and-sandbox")]
    public void Anchors_follow_the_way_markdown_renderers_name_headings(string heading, string anchor) =>
        Assert.Equal(anchor, Anchor(heading));

    /// <summary>Why a relative link is broken, or null: its file or folder must exist, and its anchor name a heading there.</summary>
    private static string? Problem(string file, string target)
    {
        var hash = target.IndexOf('#');
        var path = Uri.UnescapeDataString(hash < 0 ? target : target[..hash]);
        var anchor = hash < 0 ? null : target[(hash + 1)..];
        var resolved = path.Length == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, path));
        if (!File.Exists(resolved) && !Directory.Exists(resolved))
            return "leads to no file";
        if (!resolved.StartsWith(Root, StringComparison.Ordinal))
            return "leads outside the repository";
        if (anchor is null)
            return null;
        if (!resolved.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || !File.Exists(resolved))
            return "has an anchor on something that is not a markdown file";
        return Anchors(resolved).Contains(anchor) ? null : $"names no heading of {Relative(resolved)}";
    }

    /// <summary>The anchors of a markdown file's headings, as renderers make them (GitHub's rule), repeats numbered.</summary>
    private static HashSet<string> Anchors(string file)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match heading in Heading().Matches(WithoutFencedCode(File.ReadAllText(file))))
        {
            var anchor = Anchor(heading.Groups["text"].Value);
            var unique = anchor;
            for (var n = 1; !anchors.Add(unique); n++)
                unique = $"{anchor}-{n}";
        }
        return anchors;
    }

    /// <summary>Lower case; letters, digits, spaces, hyphens and underscores kept; spaces become hyphens.</summary>
    internal static string Anchor(string heading)
    {
        var text = new StringBuilder();
        foreach (var c in heading.Trim().ToLowerInvariant())
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
                text.Append(c);
            else if (c == ' ')
                text.Append('-');
        return text.ToString();
    }

    private static IEnumerable<string> MarkdownFiles() =>
        Files().Where(f => f.EndsWith(".md", StringComparison.Ordinal)
            && (IsUnder(f, "docs") || Path.GetDirectoryName(f) == Root.TrimEnd(Path.DirectorySeparatorChar)));

    private static IEnumerable<string> Files() => Walk(Root).Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.Ordinal));

    private static IEnumerable<string> Walk(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
            yield return file;
        foreach (var sub in Directory.EnumerateDirectories(folder))
        {
            var name = Path.GetFileName(sub);
            if (name.StartsWith('.') || SkippedFolders.Contains(name))
                continue;
            foreach (var file in Walk(sub))
                yield return file;
        }
    }

    private static bool IsUnder(string file, string folder) =>
        Relative(file).StartsWith(folder + "/", StringComparison.Ordinal);

    private static string Relative(string file) => Path.GetRelativePath(Root, file).Replace(Path.DirectorySeparatorChar, '/');

    private static string FromRoot(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Markdown without fenced blocks and inline code, where link syntax is only text.</summary>
    private static string WithoutCode(string markdown) => InlineCode().Replace(WithoutFencedCode(markdown), "");

    private static string WithoutFencedCode(string markdown) => FencedCode().Replace(markdown, "");

    /// <summary>The folder holding <c>Shop.sln</c>, above the test's output folder.</summary>
    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Shop.sln")))
                return dir.FullName + Path.DirectorySeparatorChar;
        throw new InvalidOperationException($"No Shop.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"(?<!!)\[[^\]\n]*\]\((?<target>[^)\s]*)(?:\s+""[^""]*"")?\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex UriSchemePrefix();

    /// <summary>A <c>docs/</c> path that is not part of a longer path or URL; it ends on a name character or a slash.</summary>
    [GeneratedRegex(@"(?<![\w./:-])docs/(?:[\w.-]*/)*[\w.-]*[\w/]")]
    private static partial Regex DocsPath();

    [GeneratedRegex(@"^#{1,6}[ \t]+(?<text>.+?)[ \t#]*$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^[ \t]*```.*?^[ \t]*```[^\n]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedCode();

    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex InlineCode();
}
