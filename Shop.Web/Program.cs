using Serilog;
using Shop.Web.Data;
using Shop.Web.Hosting;

// A plain logger (not a bootstrap one): parallel test hosts would otherwise race to freeze it.
Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateLogger();
try
{
    if (await CommandLine.TryRunAsync(args) is { } exitCode)
        return exitCode;

    var builder = ShopHost.CreateBuilder(args);
    builder.AddShopLogging().AddShopServices();

    var app = builder.Build();
    await DatabaseSetup.InitializeAsync(app.Services);
    HostTrust.RefuseToServeWithoutPublicUrl(app.Services);
    app.UseShopPipeline();
    await app.RunAsync();
    return 0;
}
catch (StartupRefusedException refused)
{
    Log.Fatal("The shop refuses to start: {Reason:l}", refused.Message);
    return CommandLine.BadUsage;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "The shop stopped unexpectedly");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}
