using Shop.PayModes;
using Shop.PayModes.Core.SignatureLab;
using Shop.Web.Admin;
using Shop.Web.Bills;
using Shop.Web.Data;

namespace Shop.Web.Hosting;

/// <summary>Verbs the shop executable runs instead of serving (docs/interfaces.md, "Command line").</summary>
public static class CommandLine
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadUsage = 2;

    private const string AdminUsage = "usage: admin create --email <e> --password <p> [--Section:Key=value ...]";

    /// <summary>The exit code when <paramref name="args"/> name a verb, or null to start the web server.</summary>
    /// <remarks>Standard input is the raw byte stream, not <see cref="Console.In"/>: the signature lab must see bytes that are
    /// not UTF-8 to refuse them (exit 2), where a reader would have turned them into U+FFFD.</remarks>
    public static Task<int?> TryRunAsync(string[] args) =>
        TryRunAsync(args, args is ["signature", ..] ? Console.OpenStandardInput() : Stream.Null, Console.Out, Console.Error);

    /// <summary>The same, with given output streams (tests of verbs that read no input).</summary>
    public static Task<int?> TryRunAsync(string[] args, TextWriter output, TextWriter error) => TryRunAsync(args, Stream.Null, output, error);

    /// <summary>The same, on given streams (tests).</summary>
    public static async Task<int?> TryRunAsync(string[] args, Stream stdin, TextWriter stdout, TextWriter stderr) => args switch
    {
        // docs/signature-lab.md: pure computation on stdin; no host, no database.
        ["signature", ..] => Signature(args, stdin, stdout, stderr),
        ["admin", .. var rest] => await AdminAsync(rest, stdout, stderr),
        ["journal", .. var rest] => await JournalAsync(rest, stdout, stderr),
        _ => null,
    };

    /// <summary>The signature lab on the providers the pay modes register, as the admin page lists them: from the pay modes'
    /// own registrations, in a bare service provider (no host, no database, nothing else of the shop).</summary>
    private static int Signature(string[] args, Stream stdin, TextWriter stdout, TextWriter stderr)
    {
        using var services = new ServiceCollection().AddBuiltInPayModes().BuildServiceProvider();
        return SignatureCommand.Run(args, stdin, stdout, stderr, [.. services.GetServices<ISignatureLabProvider>()]);
    }

    private const string JournalUsage = "usage: journal archive --older-than <days> --to <file> [--Section:Key=value ...]";

    /// <summary><c>journal archive --older-than d --to file</c>: moves old rejected notifications out of the journal into
    /// an archive file (JSON lines, appended), leaving everything that changed or names a bill (see <see cref="JournalArchive"/>).</summary>
    private static async Task<int> JournalAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args is not ["archive", .. var options])
        {
            await error.WriteLineAsync(JournalUsage);
            return BadUsage;
        }
        if (await VerbOptions.ParseAsync(options, ["--older-than", "--to"], JournalUsage, error) is not { } parsed)
            return BadUsage;
        var (days, archive, configuration) = (parsed["--older-than"], parsed["--to"], parsed.Configuration);
        if (days is null || string.IsNullOrWhiteSpace(archive))
        {
            await error.WriteLineAsync(JournalUsage);
            return BadUsage;
        }
        if (!int.TryParse(days, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var olderThan)
            || olderThan < JournalArchive.MinimumDays)
        {
            await error.WriteLineAsync($"journal archive: --older-than takes a whole number of days, at least {JournalArchive.MinimumDays}. {JournalUsage}");
            return BadUsage;
        }

        var path = Path.GetFullPath(archive);
        await using var app = await BuildAsync(configuration);
        await using var scope = app.Services.CreateAsyncScope();
        int moved;
        try
        {
            moved = await scope.ServiceProvider.GetRequiredService<JournalArchive>().ArchiveAsync(olderThan, path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"journal archive: cannot write {path}: {ex.Message}");
            return Failed;
        }
        await output.WriteLineAsync($"journal archive: {moved} rejected notifications older than {olderThan} days written to {path} and removed from the journal.");
        return Ok;
    }

    /// <summary>The shop's services on its migrated database, without a web server (verbs that need the data).</summary>
    private static async Task<WebApplication> BuildAsync(IEnumerable<string> configuration)
    {
        var builder = ShopHost.CreateBuilder([.. configuration]);
        builder.Logging.ClearProviders();
        builder.AddShopServices();
        var app = builder.Build();
        await DatabaseSetup.InitializeAsync(app.Services);
        return app;
    }

    /// <summary><c>admin create --email e --password p</c>: creates an administrator or resets its password.
    /// Builds the shop's services and migrates the database, but starts no web server.</summary>
    private static async Task<int> AdminAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args is not ["create", .. var options])
        {
            await error.WriteLineAsync(AdminUsage);
            return BadUsage;
        }
        if (await VerbOptions.ParseAsync(options, ["--email", "--password"], AdminUsage, error) is not { } parsed)
            return BadUsage;
        var (email, password, configuration) = (parsed["--email"], parsed["--password"], parsed.Configuration);
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            await error.WriteLineAsync(AdminUsage);
            return BadUsage;
        }

        await using var app = await BuildAsync(configuration);
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AdminAccounts>().CreateOrResetAsync(email.Trim(), password);
        if (!result.Succeeded)
        {
            await error.WriteLineAsync($"admin create: refused: {string.Join(" ", result.Errors)}");
            return BadUsage;
        }
        await output.WriteLineAsync(result.Created
            ? $"admin create: administrator {email.Trim()} created."
            : $"admin create: password of administrator {email.Trim()} reset.");
        return Ok;
    }

    /// <summary>A verb's options: the values of its named options, and every other argument, passed on as configuration
    /// (e.g. <c>--ConnectionStrings:Shop=...</c>).</summary>
    private sealed record VerbOptions(IReadOnlyDictionary<string, string> Values, IReadOnlyList<string> Configuration)
    {
        public string? this[string name] => Values.GetValueOrDefault(name);

        /// <summary>Null, after saying so on <paramref name="error"/>, when a named option lacks its value.</summary>
        public static async Task<VerbOptions?> ParseAsync(string[] options, string[] names, string usage, TextWriter error)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var configuration = new List<string>();
            for (var i = 0; i < options.Length; i++)
            {
                if (!names.Contains(options[i]))
                    configuration.Add(options[i]);
                else if (i + 1 < options.Length)
                    values[options[i]] = options[++i];
                else
                {
                    await error.WriteLineAsync($"{options[i]} needs a value. {usage}");
                    return null;
                }
            }
            return new VerbOptions(values, configuration);
        }
    }
}
