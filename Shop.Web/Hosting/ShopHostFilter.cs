using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Shop.Web.Data;

namespace Shop.Web.Hosting;

/// <summary>
/// ASP.NET Core's host filter (400 for any other <c>Host</c>) set from the shop's public URL, and following it when
/// the dashboard changes it. Accepted: the public URL's host; the loopback names (<c>localhost</c>,
/// <c>127.0.0.1</c>, <c>[::1]</c>), so monitoring on the machine can call <c>/health</c> (the shop builds nothing from
/// a Host, so a stranger gains nothing by sending one of them); and any names listed in <c>AllowedHosts</c> (another
/// name of the same shop). A <c>*</c> there does not switch the filter off. Without a public URL (test mode only)
/// every host is accepted.
/// </summary>
public sealed class ShopHostFilter : IPostConfigureOptions<HostFilteringOptions>, IOptionsChangeTokenSource<HostFilteringOptions>, IDisposable
{
    public static readonly string[] LoopbackNames = ["localhost", "127.0.0.1", "[::1]"];

    private readonly ShopSettingsStore _settings;
    private readonly string[] _configured;
    private CancellationTokenSource _changed = new();

    public ShopHostFilter(ShopSettingsStore settings, IConfiguration configuration)
    {
        _settings = settings;
        _configured = (configuration["AllowedHosts"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        _settings.Changed += OnSettingsChanged;
    }

    public string? Name => Options.DefaultName;

    public void PostConfigure(string? name, HostFilteringOptions options) =>
        options.AllowedHosts = [.. AllowedHosts(_settings.Current.PublicBaseUrl, _configured)];

    public static IReadOnlyList<string> AllowedHosts(string? publicBaseUrl, IEnumerable<string> configured)
    {
        if (!Uri.TryCreate(publicBaseUrl?.Trim(), UriKind.Absolute, out var publicUrl))
            return ["*"];
        return [.. new[] { publicUrl.Host }.Concat(LoopbackNames).Concat(configured.Where(host => host is not ("*" or "0.0.0.0" or "[::]")))
            .Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    public IChangeToken GetChangeToken() => new CancellationChangeToken(_changed.Token);

    private void OnSettingsChanged()
    {
        using var previous = Interlocked.Exchange(ref _changed, new CancellationTokenSource());
        previous.Cancel();
    }

    public void Dispose()
    {
        _settings.Changed -= OnSettingsChanged;
        _changed.Dispose();
    }
}
