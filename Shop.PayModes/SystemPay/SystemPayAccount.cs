using Shop.PayModes.Core;

namespace Shop.PayModes.SystemPay;

/// <summary>A Lyra shop: its 8-digit site id and one key per <c>vads_ctx_mode</c>.</summary>
public sealed record SystemPayAccount(
    string SiteId,
    string TestKey,
    string ProductionKey,
    SystemPayAlgorithm Algorithm = SystemPayAlgorithm.HmacSha256)
{
    public string KeyFor(PaymentEnvironment environment) =>
        environment == PaymentEnvironment.Production ? ProductionKey : TestKey;
}
