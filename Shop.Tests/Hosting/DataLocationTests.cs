using Shop.Web.Hosting;

namespace Shop.Tests.Hosting;

/// <summary>Where the data lives when no <c>Shop:DataDirectory</c> is set: never in a folder an upgrade replaces, never a silently empty shop.</summary>
public sealed class DataLocationTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("shop-location-").FullName;

    private string Program => Directory.CreateDirectory(Path.Combine(_root, "program")).FullName;

    private string UserData => Path.Combine(_root, "home", ".local", "share");

    [Fact]
    public void A_published_shop_keeps_its_data_in_the_users_application_data_folder()
    {
        var location = DataLocation.Resolve(null, Program, Program + Path.DirectorySeparatorChar, UserData);

        Assert.Equal(Path.Combine(UserData, "Shop"), location.Path);
        Assert.False(location.Legacy);
        Assert.False(location.Path.StartsWith(Program, StringComparison.Ordinal), "inside the program folder an upgrade replaces");
    }

    [Fact]
    public void An_older_install_with_its_database_beside_the_program_keeps_using_it_and_says_so()
    {
        var legacy = Directory.CreateDirectory(Path.Combine(Program, "App_Data")).FullName;
        File.WriteAllText(Path.Combine(legacy, "shop.db"), "");

        var location = DataLocation.Resolve(null, Program, Program, UserData);

        Assert.Equal(legacy, location.Path);
        Assert.True(location.Legacy);
        Assert.Contains("Shop:DataDirectory", location.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_App_Data_beside_the_program_is_not_mistaken_for_an_older_install()
    {
        Directory.CreateDirectory(Path.Combine(Program, "App_Data", "logs"));

        Assert.Equal(Path.Combine(UserData, "Shop"), DataLocation.Resolve(null, Program, Program, UserData).Path);
    }

    [Fact]
    public void Run_from_a_project_folder_the_data_stays_in_its_App_Data()
    {
        var project = Directory.CreateDirectory(Path.Combine(_root, "Shop.Web")).FullName;
        var location = DataLocation.Resolve(null, project, Path.Combine(project, "bin", "Debug", "net10.0"), UserData);

        Assert.Equal(Path.Combine(project, "App_Data"), location.Path);
        Assert.False(location.Legacy);
    }

    [Fact]
    public void The_configured_folder_wins_and_is_resolved_against_the_content_root()
    {
        Assert.Equal("/var/lib/shop", DataLocation.Resolve("/var/lib/shop", Program, Program, UserData).Path);
        Assert.Equal(Path.Combine(Program, "data"), DataLocation.Resolve("data", Program, Program, UserData).Path);
    }

    [Fact]
    public void An_account_without_application_data_falls_back_beside_the_program_with_a_warning()
    {
        var location = DataLocation.Resolve(null, Program, Program, userDataFolder: null);

        Assert.Equal(Path.Combine(Program, "App_Data"), location.Path);
        Assert.True(location.Legacy);
    }

    [Fact]
    public async Task The_start_up_log_names_the_data_directory()
    {
        var data = Directory.CreateDirectory(Path.Combine(_root, "data")).FullName;
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _root };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "Shop.Web.dll"), $"--Shop:DataDirectory={data}", "--urls", "http://127.0.0.1:0"])
            start.ArgumentList.Add(arg);
        using var shop = System.Diagnostics.Process.Start(start)!;
        var seen = new TaskCompletionSource<string>();
        shop.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("Data directory", StringComparison.Ordinal) == true)
                seen.TrySetResult(e.Data);
        };
        shop.BeginOutputReadLine();
        try
        {
            var line = await seen.Task.WaitAsync(TimeSpan.FromMinutes(2));
            Assert.Contains(data, line, StringComparison.Ordinal);
            Assert.Contains("set by Shop:DataDirectory", line, StringComparison.Ordinal);
        }
        finally
        {
            shop.Kill(entireProcessTree: true);
            await shop.WaitForExitAsync();
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { /* a stopped shop may hold a file for a moment */ }
    }
}
