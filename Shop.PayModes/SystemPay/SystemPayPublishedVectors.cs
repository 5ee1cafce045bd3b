namespace Shop.PayModes.SystemPay;

/// <summary>The SystemPay vector published in docs/providers/systempay.md (the self-check and the lab's example use it).</summary>
public static class SystemPayPublishedVectors
{
    public const string Key = "1122334455667788";
    public const string Sha1Signature = "59c96b34c74b9375c332b0b6a32e6deeec87de2b";
    public const string HmacSignature = "ycA5Do5tNvsnKdc/eP1bj2xa19z9q3iWPy9/rpesfS0=";

    public static IReadOnlyList<KeyValuePair<string, string>> Fields { get; } =
    [
        new("vads_action_mode", "INTERACTIVE"), new("vads_amount", "5124"), new("vads_ctx_mode", "TEST"),
        new("vads_currency", "978"), new("vads_page_action", "PAYMENT"), new("vads_payment_config", "SINGLE"),
        new("vads_site_id", "12345678"), new("vads_trans_date", "20170129130025"), new("vads_trans_id", "123456"),
        new("vads_version", "V2"),
    ];

    /// <summary>The fields and their HMAC-SHA-256 signature as a posted body.</summary>
    public static string HmacBody =>
        string.Join('&', Fields.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}"))
        + $"&{SystemPaySignature.SignatureField}={Uri.EscapeDataString(HmacSignature)}";
}
