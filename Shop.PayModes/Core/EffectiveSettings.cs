using System.Collections.Concurrent;
using System.Reflection;
using Shop.PayModes.Core.Sandbox;

namespace Shop.PayModes.Core;

/// <summary>A provider mode's settings as it must use them now, and the world they belong to.</summary>
public sealed record Effective<TSettings>(TSettings Settings, ProviderWorld World) where TSettings : PayModeSettings;

/// <summary>
/// The settings a provider pay mode signs, verifies and calls with: the stored ones in the provider's world; in the
/// sandbox world (<see cref="ProviderWorld"/>) a copy in which every <see cref="SecretAttribute"/> setting is the
/// sandbox credential (<see cref="SandboxCredentials"/>). Hand-over, browser return and notification all resolve
/// through here, so the sandbox world never touches a configured key, and a message the sandbox signed verifies
/// nowhere else, whenever it arrives.
/// </summary>
public sealed class EffectiveSettings(IPayModeSettingsStore store, IShopSettings shop, PayModeRegistry registry, SandboxCredentials sandbox)
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Secrets = new();

    public async Task<Effective<TSettings>> GetAsync<TSettings>(string code, CancellationToken ct = default)
        where TSettings : PayModeSettings, IProviderSettings =>
        Resolve(code, await store.GetSettingsAsync<TSettings>(code, ct));

    /// <summary>The world of a registered provider mode now; null for an unknown code or a mode without a provider.</summary>
    public async Task<ProviderWorld?> WorldOfAsync(string? code, CancellationToken ct = default) =>
        registry.Find(code) is { } mode ? ProviderWorld.OfAny((await store.GetAsync(mode.Code, ct)).Settings, shop.Current.TestMode) : null;

    public Effective<TSettings> Resolve<TSettings>(string code, TSettings stored) where TSettings : PayModeSettings, IProviderSettings
    {
        var world = ProviderWorld.Of(stored, shop.Current.TestMode);
        if (!world.IsSandbox)
            return new(stored, world);
        var sandboxed = (TSettings)stored.Copy();
        foreach (var secret in SecretsOf(typeof(TSettings)))
            secret.SetValue(sandboxed, sandbox.For(code, secret.Name));
        return new(sandboxed, world);
    }

    private static PropertyInfo[] SecretsOf(Type settingsType) => Secrets.GetOrAdd(settingsType, type =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(string) && p.CanWrite && p.IsDefined(typeof(SecretAttribute), inherit: true))]);
}
