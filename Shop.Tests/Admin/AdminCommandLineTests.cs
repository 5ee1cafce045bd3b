using Shop.Web.Hosting;

namespace Shop.Tests.Admin;

/// <summary>The <c>admin create</c> verb: exit codes and messages, on its own data directory, no web server.</summary>
public sealed class AdminCommandLineTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("shop-cli-").FullName;

    private async Task<(int? Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = await CommandLine.TryRunAsync([.. args, $"--Shop:DataDirectory={_dir}"], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Admin_create_makes_an_administrator_then_resets_its_password()
    {
        var first = await RunAsync("admin", "create", "--email", "owner@example.com", "--password", "Corr3ct-Horse-Battery");
        Assert.Equal((0, "admin create: administrator owner@example.com created."), (first.Exit, first.Out.Trim()));
        Assert.True(File.Exists(Path.Combine(_dir, "shop.db")));
        var second = await RunAsync("admin", "create", "--email", "owner@example.com", "--password", "Another-Passw0rd!");
        Assert.Equal((0, "admin create: password of administrator owner@example.com reset."), (second.Exit, second.Out.Trim()));
    }

    [Fact]
    public async Task Admin_create_refuses_a_weak_password_with_exit_code_2()
    {
        var weak = await RunAsync("admin", "create", "--email", "owner@example.com", "--password", "short");
        Assert.Equal(2, weak.Exit);
        Assert.Contains("at least 10 characters", weak.Err);
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("admin", "delete")]
    [InlineData("admin", "create", "--email", "owner@example.com")]
    [InlineData("admin", "create", "--password")]
    public async Task Bad_usage_exits_with_code_2_and_says_how(params string[] args)
    {
        var (exit, _, err) = await RunAsync(args);
        Assert.Equal(2, exit);
        Assert.Contains("usage: admin create --email <e> --password <p>", err);
    }

    [Fact]
    public async Task Without_a_verb_the_shop_serves() => Assert.Null(await CommandLine.TryRunAsync(["--urls", "http://127.0.0.1:0"]));

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { /* SQLite may still hold the file for a moment */ }
    }
}
