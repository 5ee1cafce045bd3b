using System.Diagnostics;
using System.Text;
using Shop.Tests.PayModes.Mercanet;
using Shop.Tests.PayModes.Ogone;
using Shop.Tests.PayModes.SystemPay;
using Shop.Web.Hosting;

namespace Shop.Tests.PayModes.Core.SignatureLab;

/// <summary>The <c>signature</c> verb as the shop executable dispatches it (docs/signature-lab.md), on the published vectors.</summary>
public class SignatureVerbTests
{
    private sealed record Run(int? ExitCode, string[] Lines, string Error);

    private static Task<Run> RunAsync(string stdin, params string[] args) => RunAsync(Encoding.UTF8.GetBytes(stdin), args);

    private static async Task<Run> RunAsync(byte[] stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CommandLine.TryRunAsync(args, new MemoryStream(stdin), stdout, stderr);
        return new(code, stdout.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries), stderr.ToString());
    }

    /// <summary>The shop executable itself, its standard input a pipe of <paramref name="stdin"/>.</summary>
    private static async Task<Run> RunProcessAsync(byte[] stdin, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var arg in (string[])["exec", Path.Combine(AppContext.BaseDirectory, "Shop.Web.dll"), .. args])
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.BaseStream.WriteAsync(stdin);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new(process.ExitCode, (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries), await stderr);
    }

    /// <summary>A body whose Data holds a raw 0xFF byte: not UTF-8, so not a body the lab can judge.</summary>
    private static byte[] NotUtf8Body => [.. "Data=amount"u8, 0xFF, .. "|x&Seal=00"u8];

    [Fact]
    public async Task Stdin_that_is_not_UTF_8_is_malformed_input_and_exits_2()
    {
        var run = await RunAsync(NotUtf8Body, "signature", "mercanet", "--key", "k");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Lines);
        Assert.Contains("UTF-8", Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task The_executable_reads_stdin_as_bytes_refusing_what_is_not_UTF_8_and_taking_what_is()
    {
        var refused = await RunProcessAsync(NotUtf8Body, "signature", "mercanet", "--key", "k");
        var valid = await RunProcessAsync(
            Encoding.UTF8.GetBytes($"Data={Uri.EscapeDataString(MercanetVectors.HmacMessage)}&Seal={MercanetVectors.HmacDigest}\n"),
            "signature", "mercanet", "--key", MercanetVectors.HmacKey);

        Assert.True(refused.ExitCode == 2, $"exit {refused.ExitCode}: {string.Join(" / ", refused.Lines)} {refused.Error}");
        Assert.Contains("UTF-8", refused.Error);
        Assert.True(valid.ExitCode == 0, $"exit {valid.ExitCode}: {string.Join(" / ", valid.Lines)} {valid.Error}");
        Assert.Equal("verdict: valid", valid.Lines[^1].TrimEnd('\r'));
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
