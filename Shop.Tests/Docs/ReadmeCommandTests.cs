using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Shop.Tests.Docs;

/// <summary>
/// The README's command-line examples work as printed: each one that runs a verb of the shop (<c>admin</c>,
/// <c>journal</c>, <c>signature</c>) is handed to bash exactly as the README spells it, quotes, pipes and line
/// continuations included, on an empty data directory (<c>Shop__DataDirectory</c>) in an empty working directory.
/// The shop is the one this test project built: <c>dotnet run --project Shop.Web --</c> (which would build it first)
/// and <c>./publish/Shop.Web</c> (the published executable) both run that <c>Shop.Web.dll</c>.
/// </summary>
public sealed partial class ReadmeCommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("shop-readme-").FullName;

    private static readonly string[] Verbs = ["admin", "journal", "signature"];

    /// <summary>What each verb prints when it worked, by the README's own example values.</summary>
    private static readonly Dictionary<string, Regex> Success = new()
    {
        ["admin"] = new(@"^admin create: (administrator owner@example\.com created|password of administrator owner@example\.com reset)\.$", RegexOptions.Multiline),
        ["journal"] = new(@"^journal archive: 0 rejected notifications older than 90 days written to .*journal-archive\.jsonl and removed from the journal\.$", RegexOptions.Multiline),
        ["signature"] = new(@"^verdict: valid$", RegexOptions.Multiline),
    };

    [Fact]
    public void The_README_shows_every_verb_at_least_once()
    {
        var verbs = ShopCommands().Select(c => c.Verb).ToHashSet();
        Assert.Superset(Verbs.ToHashSet(), verbs);
        Assert.True(ShopCommands().Count(c => c.Verb == "admin") >= 2, "the first-administrator and the publishing examples");
    }

    [Fact]
    public async Task Every_verb_example_in_the_README_runs_verbatim_and_succeeds()
    {
        var data = Directory.CreateDirectory(Path.Combine(_work, "data")).FullName;
        var cwd = Directory.CreateDirectory(Path.Combine(_work, "cwd")).FullName;
        var shims = ShopShims(cwd);
        foreach (var (command, verb) in ShopCommands())
        {
            var (exit, stdout, stderr) = await BashAsync(command, cwd, data, shims);
            Assert.True(exit == 0, $"`{command}` exited {exit}:\n{stdout}\n{stderr}");
            Assert.Matches(Success[verb], stdout.ReplaceLineEndings("\n"));
        }
        Assert.True(File.Exists(Path.Combine(data, "shop.db")), "the verbs used Shop__DataDirectory");
        Assert.True(File.Exists(Path.Combine(cwd, "journal-archive.jsonl")), "journal archive wrote its file where the README says");
    }

    /// <summary>The commands of the README's bash blocks that run a shop verb, continuation lines joined, in order.</summary>
    private static IEnumerable<(string Command, string Verb)> ShopCommands()
    {
        var readme = File.ReadAllText(Path.Combine(FindRoot(), "README.md")).ReplaceLineEndings("\n");
        foreach (Match block in BashBlock().Matches(readme))
        {
            foreach (var command in block.Groups[1].Value.Split('\n').Aggregate(new List<string>(), Join))
            {
                var shop = ShopInvocation().Match(command);
                if (shop.Success && Verbs.Contains(shop.Groups[1].Value))
                    yield return (command, shop.Groups[1].Value);
            }
        }

        static List<string> Join(List<string> commands, string line)
        {
            if (commands.Count > 0 && commands[^1].EndsWith('\\'))
                commands[^1] += "\n" + line;
            else if (line.Trim().Length > 0)
                commands.Add(line);
            return commands;
        }
    }

    /// <summary>A folder put first on PATH whose <c>dotnet</c> runs the built shop for <c>run --project Shop.Web --</c> (and is
    /// the real dotnet otherwise), and <c>publish/Shop.Web</c> in the working directory, the published executable's stand-in.</summary>
    private string ShopShims(string cwd)
    {
        var dotnet = RealDotnet();
        var shop = Path.Combine(AppContext.BaseDirectory, "Shop.Web.dll");
        var bin = Directory.CreateDirectory(Path.Combine(_work, "bin")).FullName;
        WriteScript(Path.Combine(bin, "dotnet"), $"""
            #!/bin/bash
            if [ "$1" = run ] && [ "$2" = --project ] && [ "$3" = Shop.Web ] && [ "$4" = -- ]; then shift 4; exec '{dotnet}' '{shop}' "$@"; fi
            exec '{dotnet}' "$@"
            """);
        WriteScript(Path.Combine(Directory.CreateDirectory(Path.Combine(cwd, "publish")).FullName, "Shop.Web"), $"""
            #!/bin/bash
            exec '{dotnet}' '{shop}' "$@"
            """);
        return bin;
    }

    private static void WriteScript(string path, string text)
    {
        File.WriteAllText(path, text.ReplaceLineEndings("\n") + "\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static string RealDotnet() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(dir => Path.Combine(dir, "dotnet")).FirstOrDefault(File.Exists)
          ?? throw new InvalidOperationException("dotnet is not on PATH");

    private static async Task<(int Exit, string Stdout, string Stderr)> BashAsync(string command, string cwd, string data, string shims)
    {
        var start = new ProcessStartInfo("/bin/bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = cwd };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("set -o pipefail\n" + command);
        start.Environment["PATH"] = shims + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        start.Environment["Shop__DataDirectory"] = data;
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        using var bash = Process.Start(start)!;
        var stdout = bash.StandardOutput.ReadToEndAsync();
        var stderr = bash.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await bash.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            bash.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{command}` still ran after 3 minutes");
        }
        return (bash.ExitCode, await stdout, await stderr);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Shop.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Shop.sln not found above the test binaries.");
    }

    [GeneratedRegex(@"```bash\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();

    /// <summary>The shop's executable (through <c>dotnet run</c> or published) and the verb it is given.</summary>
    [GeneratedRegex(@"(?:dotnet run --project Shop\.Web --|\./publish/Shop\.Web) (\w+)")]
    private static partial Regex ShopInvocation();

    public void Dispose()
    {
        try { Directory.Delete(_work, recursive: true); }
        catch (IOException) { /* SQLite may still hold the file for a moment */ }
    }
}
