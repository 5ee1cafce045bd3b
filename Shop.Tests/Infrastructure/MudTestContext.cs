using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Shop.PayModes.Core;
using Shop.Tests.Admin;

namespace Shop.Tests.Infrastructure;

/// <summary>bUnit context with MudBlazor's services, loose JS interop, async disposal (MudBlazor's services are only
/// IAsyncDisposable, so a synchronous dispose throws), and a test shop's settings, which the shared form shell reads
/// for the currency of its amount rules; a context that needs other settings registers its own after this.</summary>
public abstract class MudTestContext : BunitContext, IAsyncLifetime
{
    protected MudTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o => o.SnackbarConfiguration.ShowTransitionDuration = 0);
        Services.AddSingleton<IShopSettings>(new FixedShopSettings(new ShopSettings("Test Shop", "EUR", TestMode: true, TestOverride: false, PublicBaseUrl: null)));
    }

    /// <summary>Call after every Services.Add*: it freezes the container (pitfall 8).</summary>
    protected void Interactive() => SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
