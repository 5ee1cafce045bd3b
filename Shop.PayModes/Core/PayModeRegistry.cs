using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Shop.PayModes.Core.SignatureLab;

namespace Shop.PayModes.Core;

/// <summary>
/// Every pay mode registered through <see cref="PayModeServiceCollectionExtensions.AddPayMode{T}"/>, checked when it is
/// built (<see cref="PayModeChecks"/>): a registration mistake stops the shop at start-up with a message naming the mode
/// and the fix, instead of a mode that silently lacks a part.
/// </summary>
public sealed class PayModeRegistry
{
    private readonly Dictionary<string, IPayMode> _byCode;
    private readonly IReadOnlyList<PayModeDeclaration> _declarations;
    private readonly IServiceProvider? _services;

    /// <summary>Modes alone, as component tests build them: only what the modes themselves say is checked.</summary>
    public PayModeRegistry(IEnumerable<IPayMode> modes) : this(modes, null, [], null)
    {
    }

    /// <summary>The shop's registry: the modes with what each declared, and every signature-lab provider registered.</summary>
    public PayModeRegistry(
        IEnumerable<IPayMode> modes, IEnumerable<PayModeDeclaration> declarations, IEnumerable<ISignatureLabProvider> labs, IServiceProvider services)
        : this(modes, [.. declarations], labs, services)
    {
    }

    private PayModeRegistry(
        IEnumerable<IPayMode> modes, IReadOnlyList<PayModeDeclaration>? declarations, IEnumerable<ISignatureLabProvider> labs, IServiceProvider? services)
    {
        All = [.. modes];
        var problems = PayModeChecks.Find(All, declarations, [.. labs]);
        if (problems.Count > 0)
            throw new InvalidOperationException(
                $"The pay modes are registered wrongly:{string.Concat(problems.Select(p => $"{Environment.NewLine}- {p}"))}");
        _byCode = All.ToDictionary(m => m.Code, StringComparer.Ordinal);
        _declarations = declarations ?? [];
        _services = services;
        ZeroAmount = All.SingleOrDefault(m => m.Kind == PayModeKind.ZeroAmount);
    }

    /// <summary>In registration order, which is also the default display order.</summary>
    public IReadOnlyList<IPayMode> All { get; }

    /// <summary>The mode for orders with nothing to pay, if one is registered (there is at most one).</summary>
    public IPayMode? ZeroAmount { get; }

    public IPayMode? Find(string? code) => code is not null && _byCode.TryGetValue(code, out var mode) ? mode : null;

    /// <summary>What the mode declared in its registration; null for a registry built from modes alone.</summary>
    public PayModeDeclaration? DeclarationOf(IPayMode mode) => _declarations.FirstOrDefault(d => d.ModeType == mode.GetType());

    /// <summary>The mode's own sandbox routes (<see cref="PayModeBuilder.SandboxRoutes{TRoutes}"/>), if it declared some.</summary>
    public IPayModeSandbox? SandboxRoutesOf(IPayMode mode) =>
        DeclarationOf(mode)?.SandboxRoutes is { } routes && _services is not null ? (IPayModeSandbox)_services.GetRequiredService(routes) : null;

    /// <summary>The mode's refund client (<see cref="PayModeBuilder.Refunds{TRefunds}"/>) from <paramref name="scope"/>, or null
    /// when the mode's bills are refunded by hand.</summary>
    public IPayModeRefunds? RefundsOf(IPayMode mode, IServiceProvider scope) =>
        DeclarationOf(mode)?.Refunds is { } refunds ? (IPayModeRefunds)scope.GetRequiredService(refunds) : null;
}

public static class PayModeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the pay mode <typeparamref name="T"/> with everything its <see cref="IPayModeRegistration.Register"/>
    /// declares, and the shared pay-mode services. The registry is built, and checked, when the host starts.
    /// </summary>
    public static IServiceCollection AddPayMode<T>(this IServiceCollection services) where T : class, IPayMode, IPayModeRegistration
    {
        services.TryAddSingleton(sp => new PayModeRegistry(
            sp.GetServices<IPayMode>(), sp.GetServices<PayModeDeclaration>(), sp.GetServices<ISignatureLabProvider>(), sp));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PayModeRegistryCheck>());
        services.TryAddScoped<PayModeOffers>();
        services.TryAddScoped<NotificationPipeline>();
        services.TryAddScoped<PaymentHandover>();
        services.TryAddSingleton<Sandbox.SandboxCredentials>();
        services.TryAddScoped<EffectiveSettings>();
        services.TryAddSingleton<ShopAddress>();
        services.TryAddSingleton(TimeProvider.System);
        if (services.Any(d => d.ServiceType == typeof(PayModeDeclaration) && d.ImplementationInstance is PayModeDeclaration { } known && known.ModeType == typeof(T)))
            throw new InvalidOperationException($"Pay mode {typeof(T).Name} is registered twice: keep one AddPayMode<{typeof(T).Name}>().");
        services.TryAddSingleton<T>();
        services.AddSingleton<IPayMode>(sp => sp.GetRequiredService<T>());
        var declaration = new PayModeDeclaration(typeof(T));
        services.AddSingleton(declaration);
        T.Register(new PayModeBuilder(services, declaration));
        return services;
    }
}

/// <summary>Builds the registry when the host starts, so its checks run before the shop serves anything.</summary>
internal sealed class PayModeRegistryCheck : IHostedService
{
    /// <summary>Taking the registry is the check: its constructor throws on a registration mistake.</summary>
    public PayModeRegistryCheck(PayModeRegistry registry) => ArgumentNullException.ThrowIfNull(registry);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
