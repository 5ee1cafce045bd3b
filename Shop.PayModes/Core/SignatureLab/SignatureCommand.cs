namespace Shop.PayModes.Core.SignatureLab;

/// <summary>
/// <c>signature &lt;mercanet|systempay|ogone&gt; --key &lt;secret&gt; [--algorithm &lt;name&gt;] [--direction in|out]</c>:
/// reads one raw form body on stdin and prints the string to sign, the signature and the verdict.
/// Exit code 0 valid or nothing to check, 1 invalid, 2 bad usage or malformed input.
/// </summary>
public static class SignatureCommand
{
    public const int Valid = 0;
    public const int Invalid = 1;
    public const int Usage = 2;

    private const string UsageLine =
        "usage: signature <mercanet|systempay|ogone> --key <secret> [--algorithm <name>] [--direction in|out]";

    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr) =>
        Run(args, stdin, stdout, stderr, SignatureLabProviders.BuiltIn);

    public static int Run(
        string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, IReadOnlyList<ISignatureLabProvider> providers)
    {
        try
        {
            var options = SignatureCommandOptions.Parse(args);
            var provider = SignatureLabProviders.Find(options.Provider, providers)
                ?? throw new SignatureLabException($"unknown provider '{options.Provider}' (use {string.Join(", ", providers.Select(p => p.Code))})");
            var result = provider.Analyze(ReadBody(stdin), options.Key, options.Algorithm, options.Direction);
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
            stderr.WriteLine($"error: {e.Message}; {UsageLine}");
            return Usage;
        }
    }

    private static string ReadBody(TextReader stdin)
    {
        var body = stdin.ReadToEnd();
        if (body.EndsWith("\r\n", StringComparison.Ordinal))
            return body[..^2];
        return body.EndsWith('\n') ? body[..^1] : body;
    }
}
