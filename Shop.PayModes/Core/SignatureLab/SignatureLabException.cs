namespace Shop.PayModes.Core.SignatureLab;

/// <summary>Bad lab input; the message is one line, fit for stderr or an admin alert.</summary>
public sealed class SignatureLabException(string message) : Exception(message)
{
    public static SignatureLabException UnknownAlgorithm(string provider, string algorithm, IReadOnlyList<string> accepted) =>
        new($"unknown {provider} algorithm '{algorithm}' (use {string.Join(", ", accepted)})");

    public static void ThrowIfDirectionGiven(string provider, string? direction)
    {
        if (direction is not null)
            throw new SignatureLabException($"--direction does not apply to {provider}");
    }
}
