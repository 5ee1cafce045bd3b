using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Shop.PayModes.Core;

/// <summary>Every pay mode registered through <see cref="PayModeServiceCollectionExtensions.AddPayMode{T}"/>.</summary>
public sealed class PayModeRegistry
{
    private readonly Dictionary<string, IPayMode> _byCode;

    public PayModeRegistry(IEnumerable<IPayMode> modes)
    {
        All = [.. modes];
        _byCode = new(StringComparer.Ordinal);
        foreach (var mode in All)
            if (!_byCode.TryAdd(mode.Code, mode))
                throw new InvalidOperationException($"Two pay modes use the code '{mode.Code}'.");
    }

    /// <summary>In registration order, which is also the default display order.</summary>
    public IReadOnlyList<IPayMode> All { get; }

    public IPayMode? Find(string? code) => code is not null && _byCode.TryGetValue(code, out var mode) ? mode : null;
}

public static class PayModeServiceCollectionExtensions
{
    public static IServiceCollection AddPayMode<T>(this IServiceCollection services) where T : class, IPayMode
    {
        services.TryAddSingleton<PayModeRegistry>();
        services.TryAddScoped<PayModeOffers>();
        services.TryAddScoped<NotificationPipeline>();
        services.TryAddScoped<PaymentHandover>();
        services.TryAddSingleton<Sandbox.SandboxCredentials>();
        services.TryAddScoped<EffectiveSettings>();
        services.TryAddSingleton<ShopAddress>();
        services.TryAddSingleton(TimeProvider.System);
        T.AddServices(services);
        services.AddSingleton<T>();
        services.AddSingleton<IPayMode>(sp => sp.GetRequiredService<T>());
        return services;
    }
}
