using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Shop.PayModes.Core.Sandbox;
using Shop.PayModes.Core.SignatureLab;

namespace Shop.PayModes.Core;

/// <summary>
/// What one pay mode declares in <see cref="IPayModeRegistration.Register"/>: its services (<see cref="Services"/>) and,
/// through the methods, the parts the core discovers (notification protocols, signature-lab providers, sandbox). Each
/// declaration is remembered in the mode's <see cref="PayModeDeclaration"/>, which the registry checks at start-up.
/// </summary>
public sealed class PayModeBuilder
{
    private readonly PayModeDeclaration _declaration;

    internal PayModeBuilder(IServiceCollection services, PayModeDeclaration declaration)
    {
        Services = services;
        _declaration = declaration;
    }

    /// <summary>For the mode's own services (clients, caches, helpers its endpoints take).</summary>
    public IServiceCollection Services { get; }

    public Type ModeType => _declaration.ModeType;

    /// <summary>A protocol <see cref="IPayMode.NotificationProtocol"/> returns, registered scoped.</summary>
    public PayModeBuilder NotificationProtocol<TProtocol>() where TProtocol : class, INotificationProtocol
    {
        Services.TryAddScoped<TProtocol>();
        if (!_declaration.Protocols.Contains(typeof(TProtocol)))
            _declaration.Protocols.Add(typeof(TProtocol));
        return this;
    }

    /// <summary>The mode's signature-lab provider: the admin lab page and the <c>signature</c> verb list it. Its
    /// <see cref="ISignatureLabProvider.Code"/> must be a registered mode's code.</summary>
    public PayModeBuilder SignatureLab<TLab>() where TLab : class, ISignatureLabProvider
    {
        if (_declaration.Labs.Contains(typeof(TLab)))
            return this;
        Services.TryAddSingleton<TLab>();
        Services.AddSingleton<ISignatureLabProvider>(sp => sp.GetRequiredService<TLab>());
        _declaration.Labs.Add(typeof(TLab));
        return this;
    }

    /// <summary>The provider's side of the shared hosted-page sandbox (<c>/sandbox/{code}/pay</c>).</summary>
    public PayModeBuilder Sandbox<TSandbox>() where TSandbox : class, IProviderSandbox
    {
        if (_declaration.Sandbox is not null)
            throw new InvalidOperationException($"Pay mode {ModeType.Name} declares two sandboxes; keep one.");
        Services.AddProviderSandbox<TSandbox>();
        _declaration.Sandbox = typeof(TSandbox);
        return this;
    }

    /// <summary>How the mode refunds through its provider (<see cref="IPayModeRefunds"/>), resolved scoped. Without it the
    /// mode's bills are refunded by hand.</summary>
    public PayModeBuilder Refunds<TRefunds>() where TRefunds : class, IPayModeRefunds
    {
        if (_declaration.Refunds is not null)
            throw new InvalidOperationException($"Pay mode {ModeType.Name} declares two refund clients; keep one.");
        Services.TryAddScoped<TRefunds>();
        _declaration.Refunds = typeof(TRefunds);
        return this;
    }

    /// <summary>The mode's own sandbox routes under <c>/sandbox/{code}</c> (a provider with more than a hosted page),
    /// resolved as a singleton: <typeparamref name="TRoutes"/> may be the mode itself.</summary>
    public PayModeBuilder SandboxRoutes<TRoutes>() where TRoutes : class, IPayModeSandbox
    {
        if (_declaration.SandboxRoutes is not null)
            throw new InvalidOperationException($"Pay mode {ModeType.Name} declares two sets of sandbox routes; keep one.");
        Services.TryAddSingleton<TRoutes>();
        _declaration.SandboxRoutes = typeof(TRoutes);
        return this;
    }
}

/// <summary>What a pay mode declared through its <see cref="PayModeBuilder"/>; one per <c>AddPayMode</c>.</summary>
public sealed class PayModeDeclaration
{
    internal PayModeDeclaration(Type modeType) => ModeType = modeType;

    public Type ModeType { get; }

    public IReadOnlyList<Type> NotificationProtocols => Protocols;

    public IReadOnlyList<Type> SignatureLabs => Labs;

    /// <summary>The <see cref="IProviderSandbox"/> of the shared hosted-page flow, if declared.</summary>
    public Type? Sandbox { get; internal set; }

    /// <summary>The <see cref="IPayModeSandbox"/> mapping the mode's own sandbox routes, if declared.</summary>
    public Type? SandboxRoutes { get; internal set; }

    /// <summary>The <see cref="IPayModeRefunds"/> refunding through the provider, if declared.</summary>
    public Type? Refunds { get; internal set; }

    public bool HasSandbox => Sandbox is not null || SandboxRoutes is not null;

    internal List<Type> Protocols { get; } = [];

    internal List<Type> Labs { get; } = [];
}
