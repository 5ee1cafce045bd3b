using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Shop.PayModes.Core;
using Shop.PayModes.Core.Sandbox;

namespace Shop.PayModes.Ogone.Sandbox;

/// <summary>
/// Ogone's hosted page as the sandbox plays it: checks SHA-IN with <see cref="OgoneSandboxSigner"/>,
/// answers with feedback (STATUS 9, 2, 1 or 51) signed with SHA-OUT, sent to the shop's post-sale URL
/// (which Ogone keeps in its back office: here the shop's own <c>/paymodes/ogone/notify</c>). Both passphrases
/// are the sandbox's (<see cref="SandboxCredentials"/>), never the configured ones.
/// </summary>
public sealed class OgoneSandbox(IPayModeSettingsStore store, SandboxCredentials credentials, TimeProvider clock) : IProviderSandbox
{
    public string Code => "ogone";

    public string ProviderName => "Ogone";

    public async Task<SandboxRequestCheck> CheckRequestAsync(IReadOnlyList<KeyValuePair<string, string>> form, HttpRequest http, CancellationToken ct)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in form)
            if (!fields.TryAdd(name.ToUpperInvariant(), value))
                return SandboxRequestCheck.Refuse($"{name} is repeated");
        foreach (var name in new[] { "PSPID", "ORDERID", "AMOUNT", "CURRENCY", "ACCEPTURL", "SHASIGN" })
            if (!fields.ContainsKey(name))
                return SandboxRequestCheck.Refuse($"{name} is missing");

        var account = await SandboxAccount.ReadAsync(store, Code, ct);
        var signed = fields.Where(f => f.Key != "SHASIGN");
        var expected = OgoneSandboxSigner.Sign(signed, credentials.For(Code, "ShaInPassphrase"), shaOut: false, account["HashAlgorithm"]!);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(fields["SHASIGN"].ToUpperInvariant())))
            return SandboxRequestCheck.Refuse("unknown order/1/s: SHA-IN does not match");
        if (fields["PSPID"] != account["PspId"])
            return SandboxRequestCheck.Refuse($"unknown PSPID {fields["PSPID"]}");
        if (!CurrencyInfo.TryFromAlpha(fields["CURRENCY"], out var currency) || currency.MinorDigits > 2
            || !long.TryParse(fields["AMOUNT"], NumberStyles.None, CultureInfo.InvariantCulture, out var hundredths)
            || hundredths % Pow10(2 - currency.MinorDigits) != 0)
            return SandboxRequestCheck.Refuse("AMOUNT or CURRENCY is invalid");

        return SandboxRequestCheck.Accept(new SandboxRequest(
            Merchant: $"Ogone PSPID {fields["PSPID"]}",
            Amount: hundredths / Pow10(2 - currency.MinorDigits),
            Currency: currency.Alpha,
            Reference: fields["ORDERID"],
            ReturnUrl: fields["ACCEPTURL"],
            DeclineUrl: fields.GetValueOrDefault("DECLINEURL"),
            CancelUrl: fields.GetValueOrDefault("CANCELURL"),
            NotifyUrl: PayModeRoutes.NotifyUrl(SandboxShop.BaseUrl(http.HttpContext), Code),
            Fields: fields));
    }

    /// <summary>Ogone redirects the buyer with the feedback parameters in the query string.</summary>
    public bool ReturnsByGet(SandboxPayment payment) => true;

    public async Task<IReadOnlyList<KeyValuePair<string, string>>> SignResponseAsync(SandboxPayment payment, SandboxStatus status, CancellationToken ct)
    {
        var account = await SandboxAccount.ReadAsync(store, Code, ct);
        var request = payment.Request;
        var (code, error) = status switch
        {
            SandboxStatus.Paid => ("9", "0"),
            SandboxStatus.Refused => ("2", "30001001"),
            SandboxStatus.Cancelled => ("1", "0"),
            _ => ("51", "0"),
        };
        var digits = CurrencyInfo.FromAlpha(request.Currency).MinorDigits;
        var amount = ((decimal)request.Amount / Pow10(digits)).ToString("0.##", CultureInfo.InvariantCulture);
        var payId = (int.Parse(payment.Id[..7], NumberStyles.HexNumber, CultureInfo.InvariantCulture) % 90_000_000 + 10_000_000)
            .ToString(CultureInfo.InvariantCulture);
        // Feedback names come back in mixed case, as Ogone sends them.
        var fields = new List<KeyValuePair<string, string>>
        {
            new("orderID", request.Reference), new("currency", request.Currency), new("amount", amount),
            new("PM", "CreditCard"), new("ACCEPTANCE", status == SandboxStatus.Paid ? "SBX" + payment.Id[..4].ToUpperInvariant() : ""),
            new("STATUS", code), new("CARDNO", "XXXXXXXXXXXX1111"), new("ED", "1230"),
            new("CN", request.Fields.GetValueOrDefault("CN", "")), new("TRXDATE", clock.GetUtcNow().ToString("MM/dd/yy", CultureInfo.InvariantCulture)),
            new("PAYID", payId), new("NCERROR", error), new("BRAND", "VISA"), new("IP", "127.0.0.1"),
        };
        if (request.Fields.TryGetValue("COMPLUS", out var complus))
            fields.Add(new("COMPLUS", complus));
        fields.Add(new("SHASIGN", OgoneSandboxSigner.Sign(fields, credentials.For(Code, "ShaOutPassphrase"), shaOut: true, account["HashAlgorithm"]!)));
        return fields;
    }

    private static long Pow10(int exponent) => exponent switch { 0 => 1, 1 => 10, _ => 100 };
}
