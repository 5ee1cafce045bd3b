using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.Core;

namespace Shop.PayModes;

/// <summary>The pay modes the shop ships with: the only place that names them all. A new mode is its folder plus one line here: each line names its mode by namespace, so no using is added.</summary>
public static class BuiltInPayModes
{
    /// <summary>Registers every built-in pay mode with what it declares, in the default display order.</summary>
    public static IServiceCollection AddBuiltInPayModes(this IServiceCollection services) => services
        .AddPayMode<Test.TestPayMode>()
        .AddPayMode<FreeOrder.FreeOrderPayMode>()
        .AddPayMode<Check.CheckPayMode>()
        .AddPayMode<Transfer.TransferPayMode>()
        .AddPayMode<Mercanet.MercanetPayMode>()
        .AddPayMode<SystemPay.SystemPayPayMode>()
        .AddPayMode<Ogone.OgonePayMode>()
        .AddPayMode<Stripe.StripePayMode>()
        .AddPayMode<PayPal.PayPalPayMode>();
}
