using System.Globalization;
using System.Reflection;

namespace Shop.PayModes.Core.Sandbox;

/// <summary>
/// The merchant account a provider keeps on file for the shop, as its sandbox reads it: the pay mode's public
/// settings (a merchant id, a key version, a client id) looked up by name, never through the mode's own types, so
/// the sandbox stays written independently of the mode. A secret setting is never handed out: the sandbox signs and
/// checks with <see cref="SandboxCredentials"/>. A name the settings lack fails loudly, so a renamed setting breaks
/// the sandbox's tests instead of silently refusing every payment.
/// </summary>
public sealed class SandboxAccount
{
    private readonly string _code;
    private readonly PayModeSettings _settings;

    private SandboxAccount(string code, PayModeSettings settings) => (_code, _settings) = (code, settings);

    public static async Task<SandboxAccount> ReadAsync(IPayModeSettingsStore store, string code, CancellationToken ct = default) =>
        new(code, (await store.GetAsync(code, ct)).Settings);

    /// <summary>The public setting <paramref name="name"/> as text; null when it is not set.</summary>
    public string? this[string name]
    {
        get
        {
            var setting = _settings.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
                ?? throw new InvalidOperationException($"The {_code} settings have no '{name}'.");
            if (setting.IsDefined(typeof(SecretAttribute), inherit: true))
                throw new InvalidOperationException($"'{name}' is a secret {_code} setting: the sandbox uses its own credentials.");
            return setting.GetValue(_settings) is { } value ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;
        }
    }
}
