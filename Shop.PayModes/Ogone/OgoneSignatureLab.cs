using Shop.PayModes.Core;
using Shop.PayModes.Core.SignatureLab;

namespace Shop.PayModes.Ogone;

/// <summary>Signature lab for an Ogone body <c>NAME=value&amp;...&amp;SHASIGN=...</c>, direction in (default) or out.</summary>
public sealed class OgoneSignatureLab : ISignatureLabProvider
{
    public string Code => "ogone";

    public IReadOnlyList<string> Algorithms => OgoneHashAlgorithmNames.All;

    /// <summary>SHA-IN and SHA-OUT sign different parameter lists, with different passphrases.</summary>
    public IReadOnlyList<SignatureLabDirection> Directions { get; } =
    [
        new("in", "in (SHA-IN: what the shop sends)"),
        new("out", "out (SHA-OUT: what the provider sends back)"),
    ];

    /// <summary>The SHA-OUT vector of docs/providers/ogone.md.</summary>
    public SignatureLabExample Example { get; } = new(OgonePublishedVectors.ShaOutBody, OgoneHashAlgorithmNames.Sha1, "out",
        OgonePublishedVectors.Passphrase, OgonePublishedVectors.ShaOutSha1);

    public string BodyHint => "NAME=value&...&SHASIGN=...";

    public SignatureLabResult Analyze(SignatureLabInput input)
    {
        var (rawBody, key, algorithm, direction) = (input.Body, input.Key, input.Algorithm, input.Direction);
        var hash = OgoneHashAlgorithm.Sha1;
        if (algorithm is not null && !OgoneHashAlgorithmNames.TryParse(algorithm, out hash))
            throw SignatureLabException.UnknownAlgorithm(Code, algorithm, Algorithms);
        var way = OgoneDirection.In;
        if (direction is not null && !OgoneDirectionNames.TryParse(direction, out way))
            throw new SignatureLabException($"unknown ogone direction '{direction}' (use in or out)");
        var form = SignatureLabBody.Parse(rawBody);
        if (form.Count == 0)
            throw new SignatureLabException("ogone body is empty");
        SignatureLabBody.RejectDuplicates(form, StringComparer.OrdinalIgnoreCase);
        var received = SignatureLabBody.Optional(form, OgoneSignature.SignatureParameter, StringComparison.OrdinalIgnoreCase);
        var signature = OgoneSignature.Compute(form, key, way, hash);
        var verdict = received is null ? (bool?)null : SignatureCompare.HexEquals(signature, received);
        return new(OgoneSignature.StringToSign(form, SignatureLabResult.KeyMask, way), signature, verdict);
    }
}
