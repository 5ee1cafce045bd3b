namespace Shop.PayModes.Core.SignatureLab;

/// <summary>The parsed command line of <see cref="SignatureCommand"/>.</summary>
public sealed record SignatureCommandOptions(string Provider, string Key, string? Algorithm, string? Direction)
{
    /// <summary>Accepts the arguments with or without the leading <c>signature</c> verb.</summary>
    /// <exception cref="SignatureCommandUsageException">Missing provider or key, unknown or repeated option.</exception>
    public static SignatureCommandOptions Parse(IReadOnlyList<string> args)
    {
        var rest = args.Count > 0 && args[0] == "signature" ? args.Skip(1).ToList() : args.ToList();
        if (rest.Count == 0 || rest[0].StartsWith("--", StringComparison.Ordinal))
            throw new SignatureCommandUsageException("missing provider");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < rest.Count; i += 2)
        {
            var name = rest[i];
            if (name is not ("--key" or "--algorithm" or "--direction"))
                throw new SignatureCommandUsageException($"unexpected argument '{name}'");
            if (i + 1 >= rest.Count)
                throw new SignatureCommandUsageException($"{name} needs a value");
            if (!values.TryAdd(name, rest[i + 1]))
                throw new SignatureCommandUsageException($"{name} given twice");
        }
        if (!values.TryGetValue("--key", out var key) || key.Length == 0)
            throw new SignatureCommandUsageException("missing --key");
        return new(rest[0], key, values.GetValueOrDefault("--algorithm"), values.GetValueOrDefault("--direction"));
    }
}
