using Serilog;
using Serilog.Context;
using Serilog.Events;
using Shop.PayModes.Core;
using Shop.Web.Admin;
using Shop.Web.Api;
using Shop.Web.Components;

namespace Shop.Web.Hosting;

public static class ShopPipeline
{
    public static WebApplicationBuilder AddShopLogging(this WebApplicationBuilder builder)
    {
        var logDir = Path.Combine(ShopServices.DataDirectory(builder), "logs");
        builder.Services.AddSerilog((services, lc) => lc
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Polly", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}")
            .WriteTo.File(Path.Combine(logDir, "shop-.log"), rollingInterval: RollingInterval.Day, retainedFileCountLimit: 31,
                outputTemplate: "{Timestamp:o} [{Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}"));
        return builder;
    }

    public static WebApplication UseShopPipeline(this WebApplication app)
    {
        app.UseHostTrust();
        app.Use(PushBillContext);
        app.UseSerilogRequestLogging(o => o.GetLevel = (http, _, ex) =>
            ex is not null || http.Response.StatusCode >= 500 ? LogEventLevel.Error
            : http.Request.Path.StartsWithSegments("/_blazor") || http.Request.Path.StartsWithSegments("/_framework") ? LogEventLevel.Verbose
            : LogEventLevel.Information);
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        app.UseWhen(http => !IsMachineFacing(http.Request.Path),
            pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        // Routing after the status-code pages (and the exception handler): a re-executed request is routed again, to the
        // shop's own not-found page. With the implicit routing at the start, it met no endpoint and went out a bare 404.
        app.UseRouting();
        app.UseShopRateLimits();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapShopApi();
        app.MapAccountEndpoints();
        app.MapAdminApi();
        app.MapPayModes();
        // The framework's own "frame-ancestors 'self'" policy would go out beside ours, which already says 'none'.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }

    private static bool IsMachineFacing(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/paymodes") || path.StartsWithSegments("/sandbox") || path.StartsWithSegments("/health") || ShopIdentity.IsAdminApi(path);

    /// <summary>Puts the pay mode and bill reference of the URL into every log line of the request.</summary>
    private static async Task PushBillContext(HttpContext http, Func<Task> next)
    {
        var segments = (http.Request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        string? payMode = null, reference = null;
        if (segments is ["paymodes", var code, ..])
        {
            payMode = code;
            if (segments is [_, _, "send", var sent, ..])
                reference = sent;
        }
        else if (segments is ["bills" or "api", ..] && segments[^1] is var last && segments.Length >= 2 && segments[^2] == "bills")
            reference = last;
        using (LogContext.PushProperty("PayMode", payMode))
        using (LogContext.PushProperty("BillReference", reference))
            await next();
    }
}
