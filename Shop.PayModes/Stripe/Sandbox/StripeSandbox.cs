using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.Core;
using Shop.PayModes.Core.Sandbox;

namespace Shop.PayModes.Stripe.Sandbox;

/// <summary>
/// Stripe's side of Checkout, in process (docs/sandbox.md), only while the Stripe mode is in the sandbox world: the
/// API as Stripe.net calls it under <c>/sandbox/stripe/v1/</c>, a hosted Checkout page, and signed webhook events
/// delivered to the shop's <c>/paymodes/stripe/notify</c>. Written from Stripe's public API alone, independently of
/// the pay mode: it reads Stripe's form encoding and writes Stripe's JSON with its own code.
/// </summary>
public sealed class StripeSandbox : IPayModeSandbox
{
    /// <summary>The pay mode it stands in for: the shop's endpoints it answers (<c>/paymodes/stripe/</c>) and its credentials.</summary>
    public const string Code = "stripe";

    /// <summary>Where it is served, under the shop's own address.</summary>
    public const string Prefix = "/sandbox/" + Code;

    /// <summary>Declares the sandbox in the Stripe mode's registration: <c>StripeSandbox.AddTo(mode)</c>.</summary>
    public static void AddTo(PayModeBuilder mode)
    {
        mode.Services.AddHttpClient(SandboxNotifier.ClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        mode.SandboxRoutes<StripeSandbox>();
    }

    public void MapSandbox(IEndpointRouteBuilder sandbox) =>
        sandbox.Map("/{**path}", () => TypedResults.NotFound());
}
