namespace Shop.Web.Hosting;

/// <summary>Verbs the shop executable runs instead of serving (INTERFACES.md, "Command line").</summary>
public static class CommandLine
{
    /// <summary>The exit code when <paramref name="args"/> name a verb, or null to start the web server.</summary>
    public static Task<int?> TryRunAsync(string[] args) => Task.FromResult<int?>(args switch
    {
        _ => null,
    });
}
