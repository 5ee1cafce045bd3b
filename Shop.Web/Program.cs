using Microsoft.Extensions.Options;
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
    var data = app.Services.GetRequiredService<DataLocation>();
    app.Logger.Log(data.Legacy ? LogLevel.Warning : LogLevel.Information, "Data directory {DataDirectory}: {Reason:l}", data.Path, data.Reason);
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
catch (OptionsValidationException invalid)
{
    // A configuration value out of range (Shop:*, checked at start-up): the message names the key, no stack trace needed.
    Log.Fatal("The shop refuses to start: {Reason:l}", string.Join(" ", invalid.Failures));
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
