using Shop.PayModes.Core;
using Shop.PayModes.Core.SignatureLab;
using Stripe;

namespace Shop.PayModes.Stripe;

/// <summary>
/// Stripe webhook signatures in the signature lab: the <c>Stripe-Signature</c> header (<c>t=…,v1=…</c>) and the raw
/// JSON body; the signature is Stripe.net's HMAC-SHA256 of <c>t.body</c> with the endpoint's signing secret (the key).
/// The lab judges the signature only; the notify endpoint also refuses one older than 300 s.
/// </summary>
public sealed class StripeSignatureLab : ISignatureLabProvider
{
    public const string Algorithm = "HMAC-SHA256";

    /// <summary>A fixed event the self-check signs with Stripe.net and verifies with the lab's own path.</summary>
    private const string SelfTestBody = """{"id":"evt_selfcheck","object":"event","type":"checkout.session.completed"}""";
    private const string SelfTestSecret = "whsec_selfcheck";
    private const long SelfTestTimestamp = 1700000000;

    public string Code => StripePayMode.ModeCode;

    public IReadOnlyList<string> Algorithms => [Algorithm];

    public string BodyHint => """{"id":"evt_...","object":"event","type":"checkout.session.completed","data":{"object":{...}}}""";

    public string BodyFormat => "application/json";

    public string? KeyHint => "The webhook endpoint's signing secret (whsec_...)";

    public IReadOnlyList<string> Headers => [StripeWebhookProtocol.SignatureHeader];

    public SignatureLabResult Analyze(SignatureLabInput input)
    {
        if (input.Algorithm is { Length: > 0 } algorithm && !string.Equals(algorithm, Algorithm, StringComparison.OrdinalIgnoreCase))
            throw new SignatureLabException($"unknown algorithm {algorithm}: Stripe signs with {Algorithm}");
        if (!input.Headers.TryGetValue(StripeWebhookProtocol.SignatureHeader, out var header) || string.IsNullOrWhiteSpace(header))
            throw new SignatureLabException($"the {StripeWebhookProtocol.SignatureHeader} header is missing (t=…,v1=…)");
        var (timestamp, received) = Parse(header);
        var computed = EventUtility.ComputeSignature(input.Key, timestamp, input.Body);
        return new SignatureLabResult($"{timestamp}.{input.Body}", computed,
            received.Any(v1 => SignatureCompare.HexEquals(v1, computed)));
    }

    /// <summary>The timestamp and every <c>v1</c> signature of a header (Stripe sends several while a secret is rolled).</summary>
    internal static (string Timestamp, IReadOnlyList<string> V1) Parse(string header)
    {
        string? timestamp = null;
        var v1 = new List<string>();
        foreach (var part in header.Split(','))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0)
                throw new SignatureLabException($"'{part.Trim()}' is not key=value in the {StripeWebhookProtocol.SignatureHeader} header");
            var (key, value) = (part[..eq].Trim(), part[(eq + 1)..].Trim());
            if (key == "t")
                timestamp = timestamp is null ? value : throw new SignatureLabException("the header has two timestamps (t=)");
            else if (key == "v1")
                v1.Add(value);
        }
        if (timestamp is null || !long.TryParse(timestamp, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
            throw new SignatureLabException("the header has no numeric timestamp (t=)");
        if (v1.Count == 0)
            throw new SignatureLabException("the header has no v1 signature");
        return (timestamp, v1);
    }

    /// <summary>Stripe.net's header for the fixed event, as the library signs it.</summary>
    internal static string SelfTestHeader => EventUtility.GenerateSignatureHeader(SelfTestBody, SelfTestSecret, SelfTestTimestamp);

    /// <summary>The same signature computed by the lab's path (<see cref="Analyze"/>).</summary>
    internal static string SelfTestSignature => new StripeSignatureLab().Analyze(new SignatureLabInput(SelfTestBody, SelfTestSecret,
        Headers: new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [StripeWebhookProtocol.SignatureHeader] = $"t={SelfTestTimestamp},v1=0" })).Signature;
}
