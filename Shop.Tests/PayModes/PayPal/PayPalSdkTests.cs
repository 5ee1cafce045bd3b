using System.Diagnostics;
using System.Text.Json;
using Shop.PayModes.Core.Sandbox;
using Shop.PayModes.PayPal;
using Shop.Tests.Infrastructure;

namespace Shop.Tests.PayModes.PayPal;

/// <summary>The shop on 127.0.0.1 with PayPal Checkout on the built-in sandbox, for PayPal's own Node SDK to call.</summary>
public sealed class PayPalSdkShopFactory() : KestrelShopFactory(PayPalFactory.Settings(PayPalSettings.Orders));

/// <summary>
/// Runs <c>Shop.Tests/PayPalSdk/sdk-checks.mjs</c> once: PayPal's official Node SDK (<c>@paypal/paypal-server-sdk</c>,
/// the version pinned in its package.json) against the sandbox, each check reported as one JSON line.
/// </summary>
public sealed class PayPalSdkRun : IAsyncLifetime
{
    public Dictionary<string, (bool Ok, string? Detail)> Checks { get; } = [];

    public string Output { get; private set; } = "";

    public PayPalSdkShopFactory Shop { get; } = new();

    public static string ScriptDirectory
    {
        get
        {
            // The test project's folder: the test runs from bin/<config>/<tfm>/ under it.
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Shop.Tests.csproj")))
                dir = dir.Parent;
            return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Shop.Tests.csproj not found above " + AppContext.BaseDirectory), "PayPalSdk");
        }
    }

    public async Task InitializeAsync()
    {
        var directory = ScriptDirectory;
        if (!Directory.Exists(Path.Combine(directory, "node_modules", "@paypal", "paypal-server-sdk")))
            throw new InvalidOperationException(
                $"PayPal's Node SDK is not installed in {directory}/node_modules: run ./test.sh (it runs `npm ci` there), or `npm ci` in that folder.");
        var start = new ProcessStartInfo("node", "sdk-checks.mjs")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["SHOP_BASE"] = Shop.BaseUrl;
        start.Environment["PAYPAL_CLIENT_ID"] = "sandbox-client-id";
        start.Environment["PAYPAL_CLIENT_SECRET"] = Shop.Service<SandboxCredentials>().For(PayPalPayMode.ModeCode, nameof(PayPalSettings.ClientSecret));
        Process node;
        try
        {
            node = Process.Start(start) ?? throw new InvalidOperationException("node could not be started");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"Node.js (`node`, 20 or later) is needed to run PayPal's SDK against the sandbox: {ex.Message}", ex);
        }
        using var process = node;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await node.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            throw new TimeoutException("the PayPal SDK checks did not finish within 2 minutes");
        }
        Output = $"exit {node.ExitCode}\n{await stdout}\n{await stderr}";
        foreach (var line in (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            using var result = JsonDocument.Parse(line);
            var root = result.RootElement;
            Checks[root.GetProperty("check").GetString()!] =
                (root.GetProperty("ok").GetBoolean(), root.TryGetProperty("detail", out var detail) ? detail.GetString() : null);
        }
    }

    public Task DisposeAsync()
    {
        Shop.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>PayPal's own SDK cannot tell the sandbox from PayPal on the calls the shop and a rehearsing owner make.</summary>
public sealed class PayPalSdkTests(PayPalSdkRun run) : IClassFixture<PayPalSdkRun>
{
    [Theory]
    [InlineData("create-minimal")]
    [InlineData("create-representation-reference-default")]
    [InlineData("create-application-context-approve-capture")]
    [InlineData("create-experience-context-payer-action")]
    [InlineData("capture-unapproved-422")]
    [InlineData("get-unknown-order-404")]
    [InlineData("error-sample-empty-body-400")]
    [InlineData("error-sample-invalid-intent-400")]
    [InlineData("wrong-json-number-value-400")]
    [InlineData("wrong-json-number-intent-400")]
    [InlineData("wrong-json-top-level-array-400")]
    [InlineData("wrong-json-not-json-400")]
    [InlineData("get-capture")]
    [InlineData("refund-partial-then-rest-with-replay")]
    [InlineData("refund-full-without-body")]
    [InlineData("get-unknown-capture-404")]
    public void The_SDK_check_passes(string check)
    {
        Assert.True(run.Checks.TryGetValue(check, out var result), $"the SDK script did not report '{check}':\n{run.Output}");
        Assert.True(result.Ok, $"{check}: {result.Detail}");
    }

    [Fact]
    public void The_SDK_script_ran_every_check_and_exited_0() =>
        Assert.True(run.Output.StartsWith("exit 0", StringComparison.Ordinal) && run.Checks.Count == 16, run.Output);
}
