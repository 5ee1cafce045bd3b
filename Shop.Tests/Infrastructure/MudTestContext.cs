using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Services;

namespace Shop.Tests.Infrastructure;

/// <summary>bUnit context with MudBlazor's services, loose JS interop, and async disposal (TOOLCHAIN.md pitfall 7).</summary>
public abstract class MudTestContext : BunitContext, IAsyncLifetime
{
    protected MudTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o => o.SnackbarConfiguration.ShowTransitionDuration = 0);
    }

    /// <summary>Call after every Services.Add*: it freezes the container (pitfall 8).</summary>
    protected void Interactive() => SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
