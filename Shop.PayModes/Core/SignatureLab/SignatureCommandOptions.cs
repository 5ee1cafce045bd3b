namespace Shop.PayModes.Core.SignatureLab;

/// <summary>The parsed command line of <see cref="SignatureCommand"/>.</summary>
/// <param name="Headers"><c>--header 'Name: value'</c>, repeatable; by name, case-insensitive.</param>
public sealed record SignatureCommandOptions(
    string Provider, string Key, string? Algorithm, string? Direction, IReadOnlyDictionary<string, string> Headers)
{
    public const string HeaderOption = "--header";

    /// <summary>Accepts the arguments with or without the leading <c>signature</c> verb.</summary>
    /// <exception cref="SignatureCommandUsageException">Missing provider or key, unknown or repeated option, malformed header.</exception>
    public static SignatureCommandOptions Parse(IReadOnlyList<string> args)
    {
        var rest = args.Count > 0 && args[0] == "signature" ? args.Skip(1).ToList() : args.ToList();
        if (rest.Count == 0 || rest[0].StartsWith("--", StringComparison.Ordinal))
            throw new SignatureCommandUsageException("missing provider");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < rest.Count; i += 2)
        {
            var name = rest[i];
            if (name is not ("--key" or "--algorithm" or "--direction" or HeaderOption))
                throw new SignatureCommandUsageException($"unexpected argument '{name}'");
            if (i + 1 >= rest.Count)
                throw new SignatureCommandUsageException($"{name} needs a value");
            if (name == HeaderOption)
                AddHeader(headers, rest[i + 1]);
            else if (!values.TryAdd(name, rest[i + 1]))
                throw new SignatureCommandUsageException($"{name} given twice");
        }
        if (!values.TryGetValue("--key", out var key) || key.Length == 0)
            throw new SignatureCommandUsageException("missing --key");
        return new(rest[0], key, values.GetValueOrDefault("--algorithm"), values.GetValueOrDefault("--direction"), headers);
    }

    /// <summary><c>Name: value</c>, as an HTTP header line; the value is kept as given, but for the blanks around it.</summary>
    private static void AddHeader(Dictionary<string, string> headers, string line)
    {
        var colon = line.IndexOf(':');
        var name = colon > 0 ? line[..colon].Trim() : "";
        if (name.Length == 0 || name.Any(char.IsWhiteSpace))
            throw new SignatureCommandUsageException($"{HeaderOption} takes 'Name: value', not '{line}'");
        if (!headers.TryAdd(name, line[(colon + 1)..].Trim()))
            throw new SignatureCommandUsageException($"{HeaderOption} {name} given twice");
    }
}
