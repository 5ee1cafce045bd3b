namespace Shop.PayModes.Core.SignatureLab;

/// <param name="StringToSign">The exact string hashed, with the key shown as <see cref="KeyMask"/>.</param>
/// <param name="Signature">The signature computed with the given key.</param>
/// <param name="Verdict">Whether it equals the received one; null when the body carries no signature.</param>
public sealed record SignatureLabResult(string StringToSign, string Signature, bool? Verdict)
{
    public const string KeyMask = "***";
}
