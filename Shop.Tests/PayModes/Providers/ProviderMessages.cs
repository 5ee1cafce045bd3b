using System.Globalization;
using System.Text;
using Shop.PayModes.Core;
using Shop.PayModes.Core.Sandbox;
using Shop.PayModes.Mercanet;
using Shop.PayModes.Mercanet.Sandbox;
using Shop.PayModes.Ogone;
using Shop.PayModes.Ogone.Sandbox;
using Shop.PayModes.SystemPay;
using Shop.PayModes.SystemPay.Sandbox;
using Shop.Tests.Infrastructure;

namespace Shop.Tests.PayModes.Providers;

public enum ProviderStatus
{
    Paid,
    Pending,
    Refused,
    Cancelled,
}

/// <summary>
/// What a hand-built notification says; null parts are taken from the request the shop sent.
/// <paramref name="RawStatus"/> overrides the provider's own status code chosen from <paramref name="Status"/>
/// (SystemPay <c>vads_trans_status</c>, Ogone <c>STATUS</c>); <paramref name="TransactionId"/> sets the
/// provider's payment id (SystemPay <c>vads_trans_uuid</c>, Ogone <c>PAYID</c>).
/// </summary>
public sealed record MessageSpec(ProviderStatus Status, long? Amount = null, string? Currency = null, string? Merchant = null,
    string? RawStatus = null, string? TransactionId = null);

/// <summary>
/// Builds one provider's signed server-to-server messages from the request the shop sent, with the
/// sandbox signers (independent of the pay modes' code) and the key the message is signed with.
/// </summary>
public interface IProviderMessages
{
    string Code { get; }

    string Build(IReadOnlyDictionary<string, string> sent, MessageSpec spec);

    /// <summary>The same message with a signed value altered and the signature left as it was.</summary>
    string Tamper(string body);

    /// <summary>Messages as the built-in sandbox of <paramref name="shop"/> signs them: with its sandbox credentials, the
    /// only keys a mode in the sandbox world verifies with.</summary>
    public static IProviderMessages For(string code, ShopFactory shop)
    {
        var sandbox = shop.Service<SandboxCredentials>();
        return code switch
        {
            "mercanet" => new MercanetMessages(sandbox.For(code, nameof(MercanetSettings.SecretKey))),
            "systempay" => new SystemPayMessages(sandbox.For(code, nameof(SystemPaySettings.TestKey))),
            "ogone" => new OgoneMessages(sandbox.For(code, nameof(OgoneSettings.ShaOutPassphrase))),
            _ => throw new ArgumentOutOfRangeException(nameof(code)),
        };
    }

    /// <summary>Messages signed with the keys configured in <see cref="ProviderAccounts"/>, as the provider itself signs them.</summary>
    public static IProviderMessages Configured(string code) => code switch
    {
        "mercanet" => new MercanetMessages(ProviderAccounts.MercanetKey),
        "systempay" => new SystemPayMessages(ProviderAccounts.SystemPayTestKey),
        "ogone" => new OgoneMessages(ProviderAccounts.OgoneShaOut),
        _ => throw new ArgumentOutOfRangeException(nameof(code)),
    };

    internal static string Encode(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
}

public sealed class MercanetMessages(string secretKey) : IProviderMessages
{
    public string Code => "mercanet";

    public string Build(IReadOnlyDictionary<string, string> sent, MessageSpec spec)
    {
        var request = sent["Data"].Split('|').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var code = spec.Status switch { ProviderStatus.Paid => "00", ProviderStatus.Pending => "60", ProviderStatus.Refused => "05", _ => "17" };
        var data = MercanetSandboxSigner.Data(
        [
            ("amount", (spec.Amount ?? long.Parse(request["amount"], CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture)),
            ("currencyCode", spec.Currency is { } alpha ? CurrencyInfo.FromAlpha(alpha).Numeric : request["currencyCode"]),
            ("merchantId", spec.Merchant ?? request["merchantId"]),
            ("transactionReference", request["transactionReference"]),
            ("keyVersion", "1"),
            ("orderId", request["orderId"]),
            ("responseCode", code),
            ("authorisationId", spec.Status == ProviderStatus.Paid ? "A1B2C3" : "null"),
        ]);
        return IProviderMessages.Encode(
        [
            new("Data", data), new("Seal", MercanetSandboxSigner.Seal(data, secretKey, hmac: true)),
            new("InterfaceVersion", "HP_2.31"), new("Encode", ""),
        ]);
    }

    public string Tamper(string body) => body.Replace("responseCode%3D", "responseCode%3D0", StringComparison.Ordinal);
}

public sealed class SystemPayMessages(string key) : IProviderMessages
{
    public string Code => "systempay";

    public string Build(IReadOnlyDictionary<string, string> sent, MessageSpec spec)
    {
        var (status, result) = spec.Status switch
        {
            ProviderStatus.Paid => ("AUTHORISED", "00"),
            ProviderStatus.Pending => ("WAITING_AUTHORISATION", "00"),
            ProviderStatus.Refused => ("REFUSED", "05"),
            _ => ("ABANDONED", "17"),
        };
        status = spec.RawStatus ?? status;
        var fields = new List<KeyValuePair<string, string>>
        {
            new("vads_amount", spec.Amount?.ToString(CultureInfo.InvariantCulture) ?? sent["vads_amount"]),
            new("vads_currency", spec.Currency is { } alpha ? CurrencyInfo.FromAlpha(alpha).Numeric : sent["vads_currency"]),
            new("vads_site_id", spec.Merchant ?? sent["vads_site_id"]),
            new("vads_ctx_mode", sent["vads_ctx_mode"]),
            new("vads_trans_date", sent["vads_trans_date"]),
            new("vads_trans_id", sent["vads_trans_id"]),
            new("vads_order_id", sent["vads_order_id"]),
            new("vads_trans_status", status),
            new("vads_result", result),
            new("vads_extra_result", ""),
            new("vads_cust_first_name", "Zoé"),
            new("vads_url_check_src", "PAY"),
            new("vads_version", "V2"),
        };
        if (spec.TransactionId is { } uuid)
            fields.Add(new("vads_trans_uuid", uuid));
        fields.Add(new("signature", SystemPaySandboxSigner.Sign(fields, key, hmac: true)));
        return IProviderMessages.Encode(fields);
    }

    public string Tamper(string body) => body.Replace("vads_cust_first_name=Zo", "vads_cust_first_name=Xo", StringComparison.Ordinal);
}

public sealed class OgoneMessages(string passphrase) : IProviderMessages
{
    public string Code => "ogone";

    public string Build(IReadOnlyDictionary<string, string> sent, MessageSpec spec)
    {
        var status = spec.RawStatus ?? spec.Status switch { ProviderStatus.Paid => "9", ProviderStatus.Pending => "51", ProviderStatus.Refused => "2", _ => "1" };
        var amount = spec.Amount ?? long.Parse(sent["AMOUNT"], CultureInfo.InvariantCulture);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("orderID", sent["ORDERID"]),
            new("amount", (amount / 100m).ToString("0.##", CultureInfo.InvariantCulture)),
            new("currency", spec.Currency ?? sent["CURRENCY"]),
            new("PM", "CreditCard"),
            new("ACCEPTANCE", "test123"),
            new("STATUS", status),
            new("CARDNO", "XXXXXXXXXXXX1111"),
            new("PAYID", spec.TransactionId ?? "32100123"),
            new("NCERROR", "0"),
            new("BRAND", "VISA"),
            new("COMPLUS", sent["COMPLUS"]),
        };
        fields.Add(new("SHASIGN", OgoneSandboxSigner.Sign(fields, passphrase, shaOut: true, "SHA-1")));
        return IProviderMessages.Encode(fields);
    }

    public string Tamper(string body) => body.Replace("PAYID=32100123", "PAYID=32100124", StringComparison.Ordinal);
}
