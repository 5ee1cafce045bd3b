using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.Mercanet;
using Shop.PayModes.Ogone;
using Shop.PayModes.SystemPay;

namespace Shop.PayModes.Core.SignatureLab;

/// <summary>The gateways the signature lab knows, by pay-mode code.</summary>
public static class SignatureLabProviders
{
    public static IReadOnlyList<ISignatureLabProvider> BuiltIn { get; } =
        [new MercanetSignatureLab(), new SystemPaySignatureLab(), new OgoneSignatureLab()];

    public static ISignatureLabProvider? Find(string code, IEnumerable<ISignatureLabProvider>? providers = null) =>
        (providers ?? BuiltIn).FirstOrDefault(p => string.Equals(p.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>Registers <see cref="BuiltIn"/>, the very instances the command-line verb uses, as
    /// <c>IEnumerable&lt;ISignatureLabProvider&gt;</c> for the admin page: one service, two front ends.</summary>
    public static IServiceCollection AddSignatureLab(this IServiceCollection services)
    {
        foreach (var provider in BuiltIn)
            services.AddSingleton(provider);
        return services;
    }
}
