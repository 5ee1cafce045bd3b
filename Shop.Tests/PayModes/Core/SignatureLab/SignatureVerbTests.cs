using Shop.Tests.PayModes.Mercanet;
using Shop.Tests.PayModes.Ogone;
using Shop.Tests.PayModes.SystemPay;
using Shop.Web.Hosting;

namespace Shop.Tests.PayModes.Core.SignatureLab;

/// <summary>The <c>signature</c> verb as the shop executable dispatches it (PAYMODES.md §6), on the published vectors.</summary>
public class SignatureVerbTests
{
    private sealed record Run(int? ExitCode, string[] Lines, string Error);

    private static async Task<Run> RunAsync(string stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CommandLine.TryRunAsync(args, new StringReader(stdin), stdout, stderr);
        return new(code, stdout.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries), stderr.ToString());
    }

    private static string Encode(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));

    public static TheoryData<string, string[], string> Vectors => new()
    {
        {
            $"Data={Uri.EscapeDataString(MercanetVectors.HmacMessage)}&Seal={MercanetVectors.HmacDigest}",
            ["signature", "mercanet", "--key", MercanetVectors.HmacKey],
            MercanetVectors.HmacDigest
        },
        {
            $"Data={Uri.EscapeDataString(MercanetVectors.LegacyData)}&Seal={MercanetVectors.LegacySeal}&Encode=\n",
            ["signature", "mercanet", "--key", MercanetVectors.LegacyKey, "--algorithm", "SHA-256"],
            MercanetVectors.LegacySeal
        },
        {
            Encode([.. SystemPayVectors.Fields(), new("signature", SystemPayVectors.Hmac)]),
            ["signature", "systempay", "--key", SystemPayVectors.Key],
            SystemPayVectors.Hmac
        },
        {
            Encode([.. SystemPayVectors.Fields(), new("signature", SystemPayVectors.Sha1)]),
            ["signature", "systempay", "--key", SystemPayVectors.Key, "--algorithm", "SHA-1"],
            SystemPayVectors.Sha1
        },
        {
            Encode([.. OgoneVectors.ShaInParameters(), new("SHASIGN", OgoneVectors.ShaInSha1)]),
            ["signature", "ogone", "--key", OgoneVectors.Passphrase],
            OgoneVectors.ShaInSha1
        },
        {
            Encode([.. OgoneVectors.ShaOutParameters(), new("SHASIGN", OgoneVectors.ShaOutSha1)]),
            ["signature", "ogone", "--key", OgoneVectors.Passphrase, "--direction", "out"],
            OgoneVectors.ShaOutSha1
        },
    };

    [Theory, MemberData(nameof(Vectors))]
    public async Task Vector_prints_the_masked_string_the_signature_and_valid(string body, string[] args, string signature)
    {
        var run = await RunAsync(body, args);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(3, run.Lines.Length);
        Assert.StartsWith("string-to-sign: ", run.Lines[0]);
        Assert.DoesNotContain(args[3], run.Lines[0]);
        Assert.Equal($"signature: {signature}", run.Lines[1]);
        Assert.Equal("verdict: valid", run.Lines[2]);
    }

    [Theory, MemberData(nameof(Vectors))]
    public async Task Tampered_vector_prints_invalid_and_exits_1(string body, string[] args, string signature)
    {
        var tampered = body.Replace(Uri.EscapeDataString(signature), Uri.EscapeDataString(signature[..^2] + (signature.EndsWith("00") ? "11" : "00")), StringComparison.Ordinal);
        var run = await RunAsync(tampered, args);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("verdict: invalid", run.Lines[^1]);
    }

    [Theory]
    [InlineData("Data=%zz&Seal=00", "mercanet")]
    [InlineData("vads_amount=%C3%28&signature=x", "systempay")]
    [InlineData("", "ogone")]
    public async Task Malformed_input_exits_2_with_one_error_line(string body, string provider)
    {
        var run = await RunAsync(body, "signature", provider, "--key", "k");
        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Bad_usage_exits_2() =>
        Assert.Equal(2, (await RunAsync("", "signature", "paypal", "--key", "k")).ExitCode);

    [Fact]
    public async Task Anything_else_starts_the_web_server() =>
        Assert.Null((await RunAsync("", "--urls", "http://127.0.0.1:5000")).ExitCode);
}
