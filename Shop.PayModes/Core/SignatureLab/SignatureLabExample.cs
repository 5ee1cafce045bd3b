namespace Shop.PayModes.Core.SignatureLab;

/// <summary>
/// A provider's published vector (PAYMODES.md §4) as a lab input. <see cref="PublicKey"/> is the spec's own test
/// key: public, so the lab may show it as a hint, but it is never filled in for the user.
/// </summary>
public sealed record SignatureLabExample(string Body, string Algorithm, string? Direction, string PublicKey, string ExpectedSignature);
