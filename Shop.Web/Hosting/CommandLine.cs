using Shop.PayModes.Core.SignatureLab;

namespace Shop.Web.Hosting;

/// <summary>Verbs the shop executable runs instead of serving (INTERFACES.md, "Command line").</summary>
public static class CommandLine
{
    /// <summary>The exit code when <paramref name="args"/> name a verb, or null to start the web server.</summary>
    public static Task<int?> TryRunAsync(string[] args) => TryRunAsync(args, Console.In, Console.Out, Console.Error);

    /// <summary>The same, on given streams (tests).</summary>
    public static Task<int?> TryRunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr) => Task.FromResult<int?>(args switch
    {
        // PAYMODES.md §6: pure computation on stdin; no host, no database.
        ["signature", ..] => SignatureCommand.Run(args, stdin, stdout, stderr),
        _ => null,
    });
}
