using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Shop.PayModes.Core;
using Shop.PayModes.Core.Sandbox;

namespace Shop.PayModes.Mercanet.Sandbox;

/// <summary>
/// Sips 2.0 as the sandbox plays it: checks the Paypage POST with <see cref="MercanetSandboxSigner"/>,
/// answers with Data (responseCode 00, 05, 17 or 60) sealed the same way as the request.
/// The merchant it knows is the pay mode's merchant id and key version, with the sandbox's secret key
/// (<see cref="SandboxCredentials"/>), never the configured one.
/// </summary>
public sealed class MercanetSandbox(IPayModeSettingsStore store, SandboxCredentials credentials, TimeProvider clock) : IProviderSandbox
{
    private const string EncodeField = "Encode";
    private const string AlgorithmField = "SealAlgorithm";

    public string Code => "mercanet";

    public string ProviderName => "Mercanet";

    public async Task<SandboxRequestCheck> CheckRequestAsync(IReadOnlyList<KeyValuePair<string, string>> form, HttpRequest http, CancellationToken ct)
    {
        var posted = form.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        if (!posted.TryGetValue("Data", out var data) || data.Length == 0 || !posted.TryGetValue("Seal", out var seal))
            return SandboxRequestCheck.Refuse("Data and Seal are required (code 12)");
        var algorithm = posted.GetValueOrDefault(AlgorithmField, "");
        if (algorithm is not ("" or "HMAC-SHA-256"))
            return SandboxRequestCheck.Refuse($"unknown SealAlgorithm '{algorithm}'");
        var encode = posted.GetValueOrDefault(EncodeField, "");
        if (encode is not ("" or "base64"))
            return SandboxRequestCheck.Refuse($"unknown Encode '{encode}'");

        var account = await SandboxAccount.ReadAsync(store, Code, ct);
        var expected = MercanetSandboxSigner.Seal(data, SecretKey, hmac: algorithm.Length > 0);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(seal.ToLowerInvariant())))
            return SandboxRequestCheck.Refuse("the Seal does not match the Data (code 34)");

        Dictionary<string, string> fields;
        try
        {
            fields = Pairs(encode == "base64" ? Encoding.UTF8.GetString(Convert.FromBase64String(data)) : data);
        }
        catch (FormatException e)
        {
            return SandboxRequestCheck.Refuse($"Data is malformed: {e.Message}");
        }
        foreach (var name in new[] { "amount", "currencyCode", "merchantId", "normalReturnUrl", "transactionReference", "keyVersion", "automaticResponseUrl" })
            if (!fields.ContainsKey(name))
                return SandboxRequestCheck.Refuse($"{name} is missing (code 12)");
        if (fields["merchantId"] != account["MerchantId"])
            return SandboxRequestCheck.Refuse($"unknown merchant {fields["merchantId"]}");
        if (fields["keyVersion"] != account["KeyVersion"])
            return SandboxRequestCheck.Refuse($"key version {fields["keyVersion"]} is not the merchant's");
        if (!long.TryParse(fields["amount"], NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
            || !CurrencyInfo.TryFromNumeric(fields["currencyCode"], out var currency))
            return SandboxRequestCheck.Refuse("amount or currencyCode is invalid (code 12)");

        fields[EncodeField] = encode;
        fields[AlgorithmField] = algorithm;
        return SandboxRequestCheck.Accept(new SandboxRequest(
            Merchant: $"Mercanet merchant {fields["merchantId"]}",
            Amount: amount,
            Currency: currency.Alpha,
            Reference: fields["transactionReference"],
            ReturnUrl: fields["normalReturnUrl"],
            DeclineUrl: null,
            CancelUrl: null,
            NotifyUrl: fields["automaticResponseUrl"],
            Fields: fields));
    }

    public Task<IReadOnlyList<KeyValuePair<string, string>>> SignResponseAsync(SandboxPayment payment, SandboxStatus status, CancellationToken ct)
    {
        var request = payment.Request.Fields;
        var code = status switch
        {
            SandboxStatus.Paid => "00",
            SandboxStatus.Refused => "05",
            SandboxStatus.Cancelled => "17",
            _ => "60",
        };
        var pairs = new List<(string Name, string Value)>
        {
            ("amount", request["amount"]), ("currencyCode", request["currencyCode"]), ("merchantId", request["merchantId"]),
            ("transactionReference", request["transactionReference"]), ("keyVersion", request["keyVersion"]),
            ("orderId", request.GetValueOrDefault("orderId", "null")), ("returnContext", request.GetValueOrDefault("returnContext", "null")),
            ("responseCode", code),
            ("acquirerResponseCode", code), ("orderChannel", "INTERNET"), ("paymentMeanBrand", "VISA"),
            ("maskedPan", "4100##########00"),
            ("authorisationId", status == SandboxStatus.Paid ? "SBX" + payment.Id[..6].ToUpperInvariant() : "null"),
            ("transactionDateTime", clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture)),
        };
        var data = MercanetSandboxSigner.Data(pairs);
        var encode = request[EncodeField];
        if (encode == "base64")
            data = Convert.ToBase64String(Encoding.UTF8.GetBytes(data));
        return Task.FromResult<IReadOnlyList<KeyValuePair<string, string>>>(
        [
            new("Data", data),
            new("Encode", encode),
            new("InterfaceVersion", "HP_2.31"),
            new("Seal", MercanetSandboxSigner.Seal(data, SecretKey, hmac: request[AlgorithmField].Length > 0)),
        ]);
    }

    private string SecretKey => credentials.For(Code, "SecretKey");

    /// <summary>Splits Data on <c>|</c> and each pair on its first <c>=</c>.</summary>
    private static Dictionary<string, string> Pairs(string data)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in data.Split('|'))
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0 || !fields.TryAdd(pair[..equals], pair[(equals + 1)..]))
                throw new FormatException($"bad pair '{pair}'");
        }
        return fields;
    }
}
