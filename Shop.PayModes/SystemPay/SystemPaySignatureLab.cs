using Shop.PayModes.Core.SignatureLab;

namespace Shop.PayModes.SystemPay;

/// <summary>Signature lab for a Lyra body <c>vads_...=...&amp;signature=...</c>.</summary>
public sealed class SystemPaySignatureLab : ISignatureLabProvider
{
    public string Code => "systempay";

    public IReadOnlyList<string> Algorithms => SystemPayAlgorithmNames.All;

    /// <summary>The HMAC-SHA-256 vector of docs/providers/systempay.md.</summary>
    public SignatureLabExample Example { get; } = new(SystemPayPublishedVectors.HmacBody, SystemPayAlgorithmNames.HmacSha256, null,
        SystemPayPublishedVectors.Key, SystemPayPublishedVectors.HmacSignature);

    public string BodyHint => "vads_...=...&signature=...";

    public SignatureLabResult Analyze(SignatureLabInput input)
    {
        var (rawBody, key, algorithm, direction) = (input.Body, input.Key, input.Algorithm, input.Direction);
        SignatureLabException.ThrowIfDirectionGiven(Code, direction);
        var mode = SystemPayAlgorithm.HmacSha256;
        if (algorithm is not null && !SystemPayAlgorithmNames.TryParse(algorithm, out mode))
            throw SignatureLabException.UnknownAlgorithm(Code, algorithm, Algorithms);
        var form = SignatureLabBody.Parse(rawBody);
        SignatureLabBody.RejectDuplicates(form, StringComparer.Ordinal);
        if (!form.Any(f => f.Key.StartsWith(SystemPaySignature.FieldPrefix, StringComparison.Ordinal)))
            throw new SignatureLabException("systempay body has no vads_ field");
        var received = SignatureLabBody.Optional(form, SystemPaySignature.SignatureField, StringComparison.Ordinal);
        var signature = SystemPaySignature.Compute(form, key, mode);
        var verdict = received is null ? (bool?)null : SystemPaySignature.Matches(signature, received, mode);
        return new(SystemPaySignature.StringToSign(form, SignatureLabResult.KeyMask), signature, verdict);
    }
}
