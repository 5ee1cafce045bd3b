using System.Diagnostics;

namespace Shop.Tests.Hosting;

/// <summary>The real executable, as an owner starts it: outside test mode it needs its public URL.</summary>
public sealed class StartupRefusalTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("shop-start-").FullName;

    [Fact]
    public async Task Outside_test_mode_without_a_public_URL_the_shop_refuses_to_start_with_one_clear_line()
    {
        var (exit, output) = await RunShopAsync("--Shop:TestMode=false", "--Shop:PublicBaseUrl=");

        Assert.True(exit is not null, "the shop started serving without a public URL outside test mode");
        Assert.NotEqual(0, exit);
        var refusal = Assert.Single(output.Split('\n'), line => line.Contains("Shop:PublicBaseUrl", StringComparison.Ordinal));
        Assert.Contains("refuses to start", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);   // no stack trace
    }

    [Fact]
    public async Task A_bad_configuration_value_stops_the_shop_with_one_clear_line_naming_its_key()
    {
        var (exit, output) = await RunShopAsync("--Shop:Currency=EURO");

        Assert.True(exit is not null, "the shop started serving with an unknown currency");
        Assert.NotEqual(0, exit);
        var refusal = Assert.Single(output.Split('\n'), line => line.Contains("Shop:Currency", StringComparison.Ordinal));
        Assert.Contains("refuses to start", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);   // no stack trace
    }

    /// <summary>Runs Shop.Web on its own data directory; the exit code, or null when it was still running after 60 s (then stopped).</summary>
    private async Task<(int? Exit, string Output)> RunShopAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _dir };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "Shop.Web.dll"), .. args, $"--Shop:DataDirectory={_dir}", "--urls", "http://127.0.0.1:0"])
            start.ArgumentList.Add(arg);
        using var shop = Process.Start(start)!;
        var output = Task.WhenAll(shop.StandardOutput.ReadToEndAsync(), shop.StandardError.ReadToEndAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await shop.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            shop.Kill(entireProcessTree: true);
            await shop.WaitForExitAsync();
            return (null, string.Concat(await output));
        }
        return (shop.ExitCode, string.Concat(await output));
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { /* SQLite may still hold the file for a moment */ }
    }
}
