using Shop.PayModes.Core;

namespace Shop.PayModes.SystemPay;

/// <summary>The <c>vads_ctx_mode</c> values <c>TEST</c> and <c>PRODUCTION</c>.</summary>
public static class SystemPayCtxMode
{
    public const string Test = "TEST";
    public const string Production = "PRODUCTION";

    public static string Format(PaymentEnvironment environment) =>
        environment == PaymentEnvironment.Production ? Production : Test;

    public static bool TryParse(string? text, out PaymentEnvironment environment)
    {
        environment = text == Production ? PaymentEnvironment.Production : PaymentEnvironment.Test;
        return text is Test or Production;
    }
}
