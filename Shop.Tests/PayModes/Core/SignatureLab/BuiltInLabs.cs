using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes;
using Shop.PayModes.Core.SignatureLab;

namespace Shop.Tests.PayModes.Core.SignatureLab;

/// <summary>The signature-lab providers the built-in pay modes register, found as the <c>signature</c> verb finds them.</summary>
internal static class BuiltInLabs
{
    public static IReadOnlyList<ISignatureLabProvider> Providers { get; } = Build();

    private static IReadOnlyList<ISignatureLabProvider> Build()
    {
        using var services = new ServiceCollection().AddBuiltInPayModes().BuildServiceProvider();
        return [.. services.GetServices<ISignatureLabProvider>()];
    }
}

/// <summary>A provider that needs a header, as a webhook-signing provider would: it echoes what it was given.</summary>
internal sealed class HeaderLab : ISignatureLabProvider
{
    public const string Header = "Demo-Signature";

    public SignatureLabInput? Received { get; private set; }

    public string Code => "demo";

    public IReadOnlyList<string> Algorithms => ["HMAC-SHA-256"];

    public string BodyHint => "{\"id\":...}";

    public string BodyFormat => "application/json";

    public IReadOnlyList<string> Headers => [Header];

    public SignatureLabResult Analyze(SignatureLabInput input)
    {
        Received = input;
        if (!input.Headers.TryGetValue(Header, out var signature))
            throw new SignatureLabException($"missing the {Header} header");
        return new($"{input.Body}.{SignatureLabResult.KeyMask}", "computed", signature == "computed");
    }
}
