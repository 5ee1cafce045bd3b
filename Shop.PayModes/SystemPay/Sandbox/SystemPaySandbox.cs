using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Shop.PayModes.Core;
using Shop.PayModes.Core.Sandbox;

namespace Shop.PayModes.SystemPay.Sandbox;

/// <summary>
/// Lyra's payment page as the sandbox plays it: checks the <c>vads_*</c> form with
/// <see cref="SystemPaySandboxSigner"/> and the sandbox's test key (<see cref="SandboxCredentials"/>, never a
/// configured key), answers with an IPN (AUTHORISED, REFUSED, ABANDONED or WAITING_AUTHORISATION) signed the same
/// way. It takes <c>vads_ctx_mode=TEST</c> payments only: a sandbox never plays the production platform.
/// </summary>
public sealed class SystemPaySandbox(IPayModeSettingsStore store, SandboxCredentials credentials) : IProviderSandbox
{
    private static readonly string[] Required =
        ["vads_amount", "vads_ctx_mode", "vads_currency", "vads_site_id", "vads_trans_date", "vads_trans_id", "vads_url_return", "vads_url_check"];

    private static readonly string[] Echoed =
    [
        "vads_action_mode", "vads_amount", "vads_ctx_mode", "vads_currency", "vads_cust_email", "vads_cust_first_name",
        "vads_cust_last_name", "vads_order_id", "vads_page_action", "vads_payment_config", "vads_site_id",
        "vads_trans_date", "vads_trans_id", "vads_version",
    ];

    public string Code => "systempay";

    public string ProviderName => "Systempay";

    public async Task<SandboxRequestCheck> CheckRequestAsync(IReadOnlyList<KeyValuePair<string, string>> form, HttpRequest http, CancellationToken ct)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in form)
            if (!fields.TryAdd(name, value))
                return SandboxRequestCheck.Refuse($"{name} is repeated");
        foreach (var name in Required)
            if (!fields.ContainsKey(name))
                return SandboxRequestCheck.Refuse($"{name} is missing");
        if (!fields.TryGetValue("signature", out var received))
            return SandboxRequestCheck.Refuse("signature is missing");

        var shop = await SandboxAccount.ReadAsync(store, Code, ct);
        var hmac = shop["Algorithm"] == "HMAC-SHA-256";
        if (fields["vads_ctx_mode"] != "TEST")
            return SandboxRequestCheck.Refuse($"the sandbox takes vads_ctx_mode TEST only, not '{fields["vads_ctx_mode"]}'");
        var expected = SystemPaySandboxSigner.Sign(fields, TestKey, hmac);
        var matches = hmac
            ? CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(received))
            : CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(received.ToLowerInvariant()));
        if (!matches)
            return SandboxRequestCheck.Refuse("the signature does not match (error 00: signature)");
        if (fields["vads_site_id"] != shop["SiteId"])
            return SandboxRequestCheck.Refuse($"unknown shop {fields["vads_site_id"]}");
        if (!long.TryParse(fields["vads_amount"], NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
            || !CurrencyInfo.TryFromNumeric(fields["vads_currency"], out var currency))
            return SandboxRequestCheck.Refuse("vads_amount or vads_currency is invalid");

        return SandboxRequestCheck.Accept(new SandboxRequest(
            Merchant: $"Systempay shop {fields["vads_site_id"]} ({fields["vads_ctx_mode"]})",
            Amount: amount,
            Currency: currency.Alpha,
            Reference: fields.GetValueOrDefault("vads_order_id") ?? fields["vads_trans_id"],
            ReturnUrl: fields.GetValueOrDefault("vads_url_success") ?? fields["vads_url_return"],
            DeclineUrl: fields.GetValueOrDefault("vads_url_refused"),
            CancelUrl: fields.GetValueOrDefault("vads_url_cancel"),
            NotifyUrl: fields["vads_url_check"],
            Fields: fields));
    }

    /// <summary>Lyra honours <c>vads_return_mode</c>: GET puts the fields in the return URL's query.</summary>
    public bool ReturnsByGet(SandboxPayment payment) => payment.Request.Fields.GetValueOrDefault("vads_return_mode") == "GET";

    public async Task<IReadOnlyList<KeyValuePair<string, string>>> SignResponseAsync(SandboxPayment payment, SandboxStatus status, CancellationToken ct)
    {
        var shop = await SandboxAccount.ReadAsync(store, Code, ct);
        var request = payment.Request.Fields;
        var (transStatus, result) = status switch
        {
            SandboxStatus.Paid => ("AUTHORISED", "00"),
            SandboxStatus.Refused => ("REFUSED", "05"),
            SandboxStatus.Cancelled => ("ABANDONED", "17"),
            _ => ("WAITING_AUTHORISATION", "00"),
        };
        var fields = Echoed.Where(request.ContainsKey).Select(name => new KeyValuePair<string, string>(name, request[name])).ToList();
        fields.AddRange(
        [
            new("vads_trans_status", transStatus), new("vads_result", result), new("vads_extra_result", ""),
            new("vads_auth_result", result), new("vads_operation_type", "DEBIT"), new("vads_url_check_src", "PAY"),
            new("vads_card_brand", "CB"), new("vads_card_number", "497010XXXXXX0000"),
            new("vads_trans_uuid", payment.Id.PadRight(32, '0')),
        ]);
        fields.Add(new("signature", Sign(fields, shop)));
        return fields;
    }

    /// <summary>Lyra's retries (docs/providers/systempay.md): the same transaction, <c>vads_url_check_src=RETRY</c>, signed again.</summary>
    public async Task<IReadOnlyList<KeyValuePair<string, string>>> SignRetryAsync(SandboxPayment payment,
        IReadOnlyList<KeyValuePair<string, string>> delivered, CancellationToken ct)
    {
        var shop = await SandboxAccount.ReadAsync(store, Code, ct);
        var fields = delivered.Where(f => f.Key != "signature")
            .Select(f => f.Key == "vads_url_check_src" ? new KeyValuePair<string, string>(f.Key, "RETRY") : f).ToList();
        fields.Add(new("signature", Sign(fields, shop)));
        return fields;
    }

    /// <summary>Requests are TEST only, so every answer is signed with the sandbox's test key.</summary>
    private string TestKey => credentials.For(Code, "TestKey");

    private string Sign(IEnumerable<KeyValuePair<string, string>> fields, SandboxAccount shop) =>
        SystemPaySandboxSigner.Sign(fields, TestKey, shop["Algorithm"] == "HMAC-SHA-256");
}
