using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.Check;
using Shop.PayModes.Core;
using Shop.PayModes.FreeOrder;
using Shop.PayModes.Mercanet;
using Shop.PayModes.Ogone;
using Shop.PayModes.PayPal;
using Shop.PayModes.SystemPay;
using Shop.PayModes.Test;
using Shop.PayModes.Transfer;

namespace Shop.PayModes;

/// <summary>The pay modes the shop ships with: the only place that names them all. A new mode is its folder plus one line here.</summary>
public static class BuiltInPayModes
{
    /// <summary>Registers every built-in pay mode with what it declares, in the default display order.</summary>
    public static IServiceCollection AddBuiltInPayModes(this IServiceCollection services) => services
        .AddPayMode<TestPayMode>()
        .AddPayMode<FreeOrderPayMode>()
        .AddPayMode<CheckPayMode>()
        .AddPayMode<TransferPayMode>()
        .AddPayMode<MercanetPayMode>()
        .AddPayMode<SystemPayPayMode>()
        .AddPayMode<OgonePayMode>()
        .AddPayMode<PayPalPayMode>()
        .AddPayMode<Stripe.StripePayMode>();
}
