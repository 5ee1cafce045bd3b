using Shop.PayModes.Core;
using Shop.PayModes.Core.SignatureLab;

namespace Shop.PayModes.Mercanet;

/// <summary>Signature lab for a Mercanet body <c>Data=...&amp;Seal=...&amp;Encode=...</c>.</summary>
public sealed class MercanetSignatureLab : ISignatureLabProvider
{
    public string Code => "mercanet";

    public IReadOnlyList<string> Algorithms => MercanetSealAlgorithmNames.All;

    /// <summary>The legacy SHA-256 vector of docs/providers/mercanet.md, with the public simulation key as the hint.</summary>
    public SignatureLabExample Example { get; } = new(MercanetPublishedVectors.LegacyBody, MercanetSealAlgorithmNames.Sha256, null,
        MercanetPublishedVectors.LegacyKey, MercanetPublishedVectors.LegacySeal);

    public string BodyHint => "Data=...&Seal=...&Encode=...";

    public SignatureLabResult Analyze(SignatureLabInput input)
    {
        var (rawBody, key, algorithm, direction) = (input.Body, input.Key, input.Algorithm, input.Direction);
        SignatureLabException.ThrowIfDirectionGiven(Code, direction);
        var sealAlgorithm = MercanetSealAlgorithm.HmacSha256;
        if (algorithm is not null && !MercanetSealAlgorithmNames.TryParse(algorithm, out sealAlgorithm))
            throw SignatureLabException.UnknownAlgorithm(Code, algorithm, Algorithms);
        var form = SignatureLabBody.Parse(rawBody);
        var data = SignatureLabBody.Required(form, "Data", StringComparison.Ordinal);
        var received = SignatureLabBody.Optional(form, "Seal", StringComparison.Ordinal);
        var signature = MercanetSeal.Compute(data, key, sealAlgorithm);
        var verdict = received is null ? (bool?)null : SignatureCompare.HexEquals(signature, received);
        return new(MercanetSeal.StringToSign(data, SignatureLabResult.KeyMask, sealAlgorithm), signature, verdict);
    }
}
