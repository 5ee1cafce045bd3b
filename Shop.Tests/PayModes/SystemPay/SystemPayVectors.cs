namespace Shop.Tests.PayModes.SystemPay;

/// <summary>Published vector of docs/providers/systempay.md.</summary>
public static class SystemPayVectors
{
    public const string Key = "1122334455667788";
    public const string StringToSign =
        "INTERACTIVE+5124+TEST+978+PAYMENT+SINGLE+12345678+20170129130025+123456+V2+1122334455667788";
    public const string Sha1 = "59c96b34c74b9375c332b0b6a32e6deeec87de2b";
    public const string Hmac = "ycA5Do5tNvsnKdc/eP1bj2xa19z9q3iWPy9/rpesfS0=";

    // Deliberately not in name order: signing must sort them.
    public static List<KeyValuePair<string, string>> Fields() =>
    [
        new("vads_version", "V2"),
        new("vads_trans_id", "123456"),
        new("vads_action_mode", "INTERACTIVE"),
        new("vads_amount", "5124"),
        new("vads_ctx_mode", "TEST"),
        new("vads_currency", "978"),
        new("vads_page_action", "PAYMENT"),
        new("vads_payment_config", "SINGLE"),
        new("vads_site_id", "12345678"),
        new("vads_trans_date", "20170129130025"),
    ];
}
