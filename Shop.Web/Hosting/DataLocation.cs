namespace Shop.Web.Hosting;

/// <summary>Where the database, logs and archives live, and why there (the start-up log says both).</summary>
/// <param name="Legacy">True when an older shop's data was found in the program folder and is kept in use there.</param>
public sealed record DataLocation(string Path, string Reason, bool Legacy = false)
{
    public const string LegacyFolderName = "App_Data";
    public const string AppFolderName = "Shop";

    /// <summary>
    /// The data directory when <c>Shop:DataDirectory</c> is <paramref name="configured"/> or not:
    /// <list type="number">
    /// <item>the configured folder (relative to the content root);</item>
    /// <item>run from a project folder (<c>dotnet run</c>: the content root is not the program folder):
    ///   <c>App_Data</c> under it, where a developer expects it and a rebuild does not touch it;</item>
    /// <item>a published shop whose program folder already holds <c>App_Data/shop.db</c> (installed before the default
    ///   moved): that folder, kept in use so an upgrade never starts an empty shop, with a warning to move it;</item>
    /// <item>a published shop: <c>Shop</c> under the user's application-data folder (<c>$XDG_DATA_HOME</c> or
    ///   <c>~/.local/share</c> on Linux, <c>%LOCALAPPDATA%</c> on Windows, <c>~/Library/Application Support</c> on
    ///   macOS), which survives replacing the program folder;</item>
    /// <item>with no such folder (a service account without a home): <c>App_Data</c> in the program folder, with a warning.</item>
    /// </list>
    /// </summary>
    public static DataLocation Resolve(string? configured, string contentRoot, string programFolder, string? userDataFolder)
    {
        if (configured is { Length: > 0 })
            return new(System.IO.Path.GetFullPath(configured, contentRoot), "set by Shop:DataDirectory");
        var beside = System.IO.Path.Combine(contentRoot, LegacyFolderName);
        if (!SameFolder(contentRoot, programFolder))
            return new(beside, "App_Data under the content root (run from a project folder, not a published program folder)");
        if (File.Exists(System.IO.Path.Combine(beside, "shop.db")))
            return new(beside, "an existing shop database was found in the program folder and stays in use; move the folder out "
                + "and set Shop:DataDirectory to it, or replacing the program folder on an upgrade would lose it", Legacy: true);
        if (userDataFolder is { Length: > 0 })
            return new(System.IO.Path.Combine(userDataFolder, AppFolderName), "the user's application-data folder, outside the program folder, so upgrades keep it");
        return new(beside, "the program folder (this account has no application-data folder); set Shop:DataDirectory "
            + "so replacing the program folder on an upgrade cannot lose the data", Legacy: true);
    }

    /// <summary>The platform's per-user application-data folder, or null when the account has none.</summary>
    public static string? UserDataFolder() =>
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify) is { Length: > 0 } folder
            ? folder
            : null;

    private static bool SameFolder(string a, string b) =>
        string.Equals(Normalize(a), Normalize(b), OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    private static string Normalize(string path) => System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(path));
}
