using Shop.PayModes.Core.SignatureLab;
using Shop.Web.Admin;
using Shop.Web.Data;

namespace Shop.Web.Hosting;

/// <summary>Verbs the shop executable runs instead of serving (INTERFACES.md, "Command line").</summary>
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
        // PAYMODES.md §6: pure computation on stdin; no host, no database. The admin page gets the same providers (AddSignatureLab).
        ["signature", ..] => SignatureCommand.Run(args, stdin, stdout, stderr, SignatureLabProviders.BuiltIn),
        ["admin", .. var rest] => await AdminAsync(rest, stdout, stderr),
        _ => null,
    };

    /// <summary><c>admin create --email e --password p</c>: creates an administrator or resets its password.
    /// Builds the shop's services and migrates the database, but starts no web server.</summary>
    private static async Task<int> AdminAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args is not ["create", .. var options])
        {
            await error.WriteLineAsync(AdminUsage);
            return BadUsage;
        }
        string? email = null, password = null;
        var configuration = new List<string>();
        for (var i = 0; i < options.Length; i++)
        {
            switch (options[i])
            {
                case "--email" when i + 1 < options.Length:
                    email = options[++i];
                    break;
                case "--password" when i + 1 < options.Length:
                    password = options[++i];
                    break;
                case "--email" or "--password":
                    await error.WriteLineAsync($"{options[i]} needs a value. {AdminUsage}");
                    return BadUsage;
                default:
                    configuration.Add(options[i]);   // e.g. --ConnectionStrings:Shop=...
                    break;
            }
        }
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            await error.WriteLineAsync(AdminUsage);
            return BadUsage;
        }

        var builder = ShopHost.CreateBuilder([.. configuration]);
        builder.Logging.ClearProviders();
        builder.AddShopServices();
        await using var app = builder.Build();
        await DatabaseSetup.InitializeAsync(app.Services);
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
}
