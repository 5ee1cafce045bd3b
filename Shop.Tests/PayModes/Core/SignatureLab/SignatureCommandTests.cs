using Shop.PayModes.Core.SignatureLab;
using Shop.Tests.PayModes.Mercanet;
using Shop.Tests.PayModes.Ogone;
using Shop.Tests.PayModes.SystemPay;

namespace Shop.Tests.PayModes.Core.SignatureLab;

public class SignatureCommandTests
{
    private sealed record Outcome(int ExitCode, string[] Lines, string Error);

    private static Outcome Run(string body, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = SignatureCommand.Run(args, new StringReader(body), stdout, stderr, BuiltInLabs.Providers);
        return new(code, stdout.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries), stderr.ToString());
    }

    private static string Encode(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));

    private static string MercanetLegacyBody => $"Data={Uri.EscapeDataString(MercanetVectors.LegacyData)}&Seal={MercanetVectors.LegacySeal}&Encode=";

    private static string SystemPayBody => Encode([.. SystemPayVectors.Fields(), new("signature", SystemPayVectors.Hmac)]);

    private static string OgoneInBody => Encode([.. OgoneVectors.ShaInParameters(), new("SHASIGN", OgoneVectors.ShaInSha1)]);

    private static string OgoneOutBody => Encode([.. OgoneVectors.ShaOutParameters(), new("SHASIGN", OgoneVectors.ShaOutSha1)]);

    [Fact]
    public void Mercanet_hmac_vector_is_valid_by_default()
    {
        var result = Run($"Data={Uri.EscapeDataString(MercanetVectors.HmacMessage)}&Seal={MercanetVectors.HmacDigest}",
            "mercanet", "--key", MercanetVectors.HmacKey);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["string-to-sign: This is a test!", $"signature: {MercanetVectors.HmacDigest}", "verdict: valid"], result.Lines);
    }

    [Fact]
    public void Mercanet_legacy_vector_shows_data_plus_masked_key()
    {
        var result = Run(MercanetLegacyBody, "signature", "mercanet", "--key", MercanetVectors.LegacyKey, "--algorithm", "SHA-256");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([$"string-to-sign: {MercanetVectors.LegacyData}***", $"signature: {MercanetVectors.LegacySeal}", "verdict: valid"], result.Lines);
    }

    [Fact]
    public void SystemPay_vector_is_valid_and_masks_the_key()
    {
        var result = Run(SystemPayBody, "systempay", "--key", SystemPayVectors.Key);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([$"string-to-sign: {SystemPayVectors.StringToSign.Replace(SystemPayVectors.Key, "***")}",
            $"signature: {SystemPayVectors.Hmac}", "verdict: valid"], result.Lines);
    }

    [Fact]
    public void SystemPay_sha1_vector_is_valid_with_sha1_algorithm()
    {
        var body = Encode([.. SystemPayVectors.Fields(), new("signature", SystemPayVectors.Sha1)]);

        var result = Run(body, "systempay", "--key", SystemPayVectors.Key, "--algorithm", "SHA-1");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"signature: {SystemPayVectors.Sha1}", result.Lines[1]);
    }

    [Fact]
    public void Ogone_sha_in_vector_is_valid_by_default()
    {
        var result = Run(OgoneInBody, "ogone", "--key", OgoneVectors.Passphrase);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["string-to-sign: AMOUNT=1500***CURRENCY=EUR***LANGUAGE=en_US***ORDERID=1234***PSPID=MyPSPID***",
            $"signature: {OgoneVectors.ShaInSha1}", "verdict: valid"], result.Lines);
    }

    [Fact]
    public void Ogone_sha_out_vector_is_valid_with_direction_out()
    {
        var result = Run(OgoneOutBody, "ogone", "--key", OgoneVectors.Passphrase, "--direction", "out", "--algorithm", "SHA-1");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("verdict: valid", result.Lines[2]);
    }

    [Theory]
    [InlineData("mercanet")]
    [InlineData("systempay")]
    [InlineData("ogone")]
    public void Tampered_body_is_invalid_with_exit_code_1(string provider)
    {
        var (body, key, algorithm) = provider switch
        {
            "mercanet" => (MercanetLegacyBody.Replace("amount%3D1234", "amount%3D1"), MercanetVectors.LegacyKey, "SHA-256"),
            "systempay" => (SystemPayBody.Replace("vads_amount=5124", "vads_amount=1"), SystemPayVectors.Key, "HMAC-SHA-256"),
            _ => (OgoneInBody.Replace("AMOUNT=1500", "AMOUNT=1"), OgoneVectors.Passphrase, "SHA-1"),
        };

        var result = Run(body, provider, "--key", key, "--algorithm", algorithm);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("verdict: invalid", result.Lines[2]);
    }

    [Fact]
    public void Body_without_signature_prints_no_verdict_and_exits_0()
    {
        var result = Run(Encode(OgoneVectors.ShaInParameters()), "ogone", "--key", OgoneVectors.Passphrase);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, result.Lines.Length);
        Assert.Equal($"signature: {OgoneVectors.ShaInSha1}", result.Lines[1]);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void A_single_trailing_newline_on_stdin_is_ignored(string newline) =>
        Assert.Equal(0, Run(SystemPayBody + newline, "systempay", "--key", SystemPayVectors.Key).ExitCode);

    [Theory]
    [InlineData("Data=%ZZ&Seal=00", "mercanet", "--key", "k")]
    [InlineData("Seal=00", "mercanet", "--key", "k")]
    [InlineData("signature=abc", "systempay", "--key", "k")]
    [InlineData("AMOUNT=1&amount=2&SHASIGN=00", "ogone", "--key", "k")]
    [InlineData("A=1", "paypal", "--key", "k")]
    [InlineData("A=1", "ogone")]
    [InlineData("A=1", "ogone", "--key")]
    [InlineData("A=1", "ogone", "--key", "k", "--algorithm", "MD5")]
    [InlineData("A=1", "ogone", "--key", "k", "--direction", "sideways")]
    [InlineData("A=1", "systempay", "--key", "k", "--direction", "in")]
    [InlineData("A=1", "ogone", "--key", "k", "--verbose", "x")]
    [InlineData("A=1")]
    public void Bad_usage_or_malformed_body_exits_2_with_one_error_line(string body, params string[] args)
    {
        var result = Run(body, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Lines);
        Assert.Single(result.Error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }
}

/// <summary>What the verb takes from the providers it is given, instead of a list of its own.</summary>
public class SignatureCommandProviderTests
{
    private static (int ExitCode, string Out, string Error) Run(IReadOnlyList<ISignatureLabProvider> providers, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = SignatureCommand.Run(args, new StringReader("{\"id\":1}"), stdout, stderr, providers);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void The_usage_line_lists_the_registered_codes_and_the_options_they_take()
    {
        // The three form-signing banks' line reads exactly as it did before the line was built from the registry.
        var banks = BuiltInLabs.Providers.Where(p => p.Code is "mercanet" or "systempay" or "ogone").ToList();
        var (code, _, error) = Run(banks, "signature");

        Assert.Equal(2, code);
        Assert.Equal("error: missing provider; usage: signature <mercanet|systempay|ogone> --key <secret> [--algorithm <name>] [--direction in|out]",
            error.TrimEnd());

        // Every registered lab provider is listed, however many there are.
        var (_, _, all) = Run(BuiltInLabs.Providers, "signature");
        Assert.Contains($"usage: signature <{string.Join('|', BuiltInLabs.Providers.Select(p => p.Code))}> --key <secret>", all);
    }

    [Fact]
    public void Another_provider_set_changes_the_usage_line_and_the_known_codes()
    {
        var (code, _, error) = Run([new HeaderLab()], "signature", "mercanet", "--key", "k");
        var (usageCode, _, usage) = Run([new HeaderLab()], "signature");

        Assert.Equal(2, code);
        Assert.Equal("error: unknown provider 'mercanet' (use demo)", error.TrimEnd());
        Assert.Equal(2, usageCode);
        Assert.EndsWith("usage: signature <demo> --key <secret> [--algorithm <name>] [--header '<name>: <value>' ...]", usage.TrimEnd());
    }

    [Fact]
    public void Header_options_reach_the_provider_by_name()
    {
        var lab = new HeaderLab();

        var (code, output, _) = Run([lab], "signature", "demo", "--key", "k", "--header", "demo-signature:  computed ");

        Assert.Equal(0, code);
        Assert.Equal("computed", lab.Received!.Headers[HeaderLab.Header]);
        Assert.Contains("verdict: valid", output);
    }

    [Theory]
    [InlineData("--header", "Demo-Signature")]
    [InlineData("--header", ": value")]
    [InlineData("--header", "Other: x")]
    public void A_malformed_or_foreign_header_is_bad_usage(string option, string value)
    {
        var (code, output, error) = Run([new HeaderLab()], "signature", "demo", "--key", "k", option, value);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Single(error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_repeated_header_is_bad_usage() =>
        Assert.Equal(2, Run([new HeaderLab()], "signature", "demo", "--key", "k", "--header", "Demo-Signature: a", "--header", "demo-signature: b").ExitCode);

    [Fact]
    public void A_header_for_a_provider_that_takes_none_is_bad_usage()
    {
        var (code, _, error) = Run(BuiltInLabs.Providers, "signature", "ogone", "--key", "k", "--header", "Demo-Signature: a");

        Assert.Equal(2, code);
        Assert.Equal("error: --header does not apply to ogone", error.TrimEnd());
    }
}
