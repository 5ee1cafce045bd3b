namespace Shop.PayModes.Core.SignatureLab;

/// <summary>
/// A provider's published vector (docs/providers/README.md) as a lab input. <see cref="PublicKey"/> is the spec's own test
/// key: public, so the lab shows it as a hint and loads it with the example.
/// </summary>
public sealed record SignatureLabExample(string Body, string Algorithm, string? Direction, string PublicKey, string ExpectedSignature)
{
    /// <summary>Header values of the example, by name (providers that sign a header).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
