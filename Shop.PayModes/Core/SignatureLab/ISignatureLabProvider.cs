namespace Shop.PayModes.Core.SignatureLab;

/// <summary>One gateway's view of a raw message for the signature lab (admin page and CLI).</summary>
public interface ISignatureLabProvider
{
    /// <summary>The pay-mode code, e.g. <c>mercanet</c>.</summary>
    string Code { get; }

    /// <summary>Accepted algorithm names, the default first.</summary>
    IReadOnlyList<string> Algorithms { get; }

    /// <exception cref="SignatureLabException">Unknown algorithm or direction, or a malformed body.</exception>
    SignatureLabResult Analyze(string rawBody, string key, string? algorithm, string? direction);

    /// <summary>The published example the admin page can load, or null when the provider has none.</summary>
    SignatureLabExample? Example => null;
}
