namespace Shop.PayModes.Core.SignatureLab;

/// <summary>
/// One gateway's view of a raw message for the signature lab (admin page and CLI). A pay mode registers it
/// (<see cref="PayModeBuilder.SignatureLab{TLab}"/>), and it describes its own inputs, so neither front end names a provider.
/// </summary>
public interface ISignatureLabProvider
{
    /// <summary>The code of the pay mode that registers it.</summary>
    string Code { get; }

    /// <summary>Accepted algorithm names, the default first.</summary>
    IReadOnlyList<string> Algorithms { get; }

    /// <summary>The ways a message can travel when they are signed differently, the default first; empty when there is one.</summary>
    IReadOnlyList<SignatureLabDirection> Directions => [];

    /// <summary>What a body looks like, as the placeholder of the body field.</summary>
    string BodyHint { get; }

    /// <summary>The body's format, as the label of the body field names it.</summary>
    string BodyFormat => "application/x-www-form-urlencoded";

    /// <summary>Help under the key field; by default the public key of the published example, if any.</summary>
    string? KeyHint => Example is { } example ? $"The published example uses the public test key {example.PublicKey}" : null;

    /// <summary>Names of the request headers the provider needs besides the body (a signature header); empty when the body says all.</summary>
    IReadOnlyList<string> Headers => [];

    /// <exception cref="SignatureLabException">Unknown algorithm or direction, a missing header, or a malformed body.</exception>
    SignatureLabResult Analyze(SignatureLabInput input);

    /// <summary>The published example the admin page can load, or null when the provider has none.</summary>
    SignatureLabExample? Example => null;
}

/// <param name="Name">As the <c>--direction</c> option takes it.</param>
/// <param name="Label">As the admin page shows it.</param>
public sealed record SignatureLabDirection(string Name, string Label);

/// <summary>One message to check: the raw body, the key, and the options the provider declared.</summary>
/// <param name="Headers">By name, case-insensitive; only names from <see cref="ISignatureLabProvider.Headers"/>.</param>
public sealed record SignatureLabInput(string Body, string Key, string? Algorithm = null, string? Direction = null, IReadOnlyDictionary<string, string>? Headers = null)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } =
        Headers ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}
