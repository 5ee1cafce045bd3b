using System.Text;

namespace Shop.PayModes.Core.SignatureLab;

/// <summary>
/// <c>signature &lt;code&gt; --key &lt;secret&gt; [--algorithm &lt;name&gt;] [--direction &lt;name&gt;] [--header 'Name: value' ...]</c>,
/// for the codes of the registered <see cref="ISignatureLabProvider"/>s: reads one raw body on stdin and prints the
/// string to sign, the signature and the verdict. Exit code 0 valid or nothing to check, 1 invalid, 2 bad usage or
/// malformed input.
/// </summary>
public static class SignatureCommand
{
    public const int Valid = 0;
    public const int Invalid = 1;
    public const int Usage = 2;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static int Run(
        string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, IReadOnlyList<ISignatureLabProvider> providers) =>
        Run(args, stdin.ReadToEnd, stdout, stderr, providers);

    /// <summary>
    /// The process's own entry: standard input read as bytes and decoded as strict UTF-8, so bytes that are not UTF-8
    /// are malformed input (exit 2) instead of U+FFFD in the string to sign (a reader decodes them away silently).
    /// </summary>
    public static int Run(
        string[] args, Stream stdin, TextWriter stdout, TextWriter stderr, IReadOnlyList<ISignatureLabProvider> providers) =>
        Run(args, () => DecodeUtf8(stdin), stdout, stderr, providers);

    private static int Run(
        string[] args, Func<string> stdin, TextWriter stdout, TextWriter stderr, IReadOnlyList<ISignatureLabProvider> providers)
    {
        try
        {
            var options = SignatureCommandOptions.Parse(args);
            var provider = providers.FirstOrDefault(p => string.Equals(p.Code, options.Provider, StringComparison.OrdinalIgnoreCase))
                ?? throw new SignatureLabException($"unknown provider '{options.Provider}' (use {string.Join(", ", providers.Select(p => p.Code))})");
            if (options.Headers.Keys.FirstOrDefault(h => !provider.Headers.Contains(h, StringComparer.OrdinalIgnoreCase)) is { } foreign)
                throw new SignatureLabException(provider.Headers.Count == 0
                    ? $"{SignatureCommandOptions.HeaderOption} does not apply to {provider.Code}"
                    : $"{provider.Code} takes no header {foreign} (use {string.Join(", ", provider.Headers)})");
            var result = provider.Analyze(new SignatureLabInput(TrimNewline(stdin()), options.Key, options.Algorithm, options.Direction, options.Headers));
            stdout.WriteLine($"string-to-sign: {result.StringToSign}");
            stdout.WriteLine($"signature: {result.Signature}");
            if (result.Verdict is { } verdict)
                stdout.WriteLine(verdict ? "verdict: valid" : "verdict: invalid");
            return result.Verdict == false ? Invalid : Valid;
        }
        catch (SignatureLabException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return Usage;
        }
        catch (SignatureCommandUsageException e)
        {
            stderr.WriteLine($"error: {e.Message}; {UsageLine(providers)}");
            return Usage;
        }
    }

    /// <summary>The usage line for the providers registered: their codes, and the options some of them take.</summary>
    public static string UsageLine(IReadOnlyList<ISignatureLabProvider> providers)
    {
        var directions = providers.SelectMany(p => p.Directions).Select(d => d.Name).Distinct(StringComparer.Ordinal).ToList();
        return $"usage: signature <{string.Join('|', providers.Select(p => p.Code))}> --key <secret> [--algorithm <name>]"
            + (directions.Count > 0 ? $" [--direction {string.Join('|', directions)}]" : "")
            + (providers.Any(p => p.Headers.Count > 0) ? $" [{SignatureCommandOptions.HeaderOption} '<name>: <value>' ...]" : "");
    }

    private static string DecodeUtf8(Stream stdin)
    {
        using var buffer = new MemoryStream();
        stdin.CopyTo(buffer);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
            bytes = bytes[3..];
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new SignatureLabException("standard input is not valid UTF-8");
        }
    }

    private static string TrimNewline(string body)
    {
        if (body.EndsWith("\r\n", StringComparison.Ordinal))
            return body[..^2];
        return body.EndsWith('\n') ? body[..^1] : body;
    }
}
