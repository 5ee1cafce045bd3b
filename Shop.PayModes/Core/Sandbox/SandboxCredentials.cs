using System.Security.Cryptography;
using System.Text;

namespace Shop.PayModes.Core.Sandbox;

/// <summary>
/// The only keys the sandbox world signs and verifies with: one per pay mode and secret setting, derived from a
/// secret drawn when the process starts. A configured key cannot equal one, so a message the sandbox signed
/// verifies nowhere but in the sandbox world of this very process, and no configured key ever signs for the sandbox.
/// </summary>
public sealed class SandboxCredentials
{
    private readonly byte[] _secret = RandomNumberGenerator.GetBytes(32);

    /// <summary>The sandbox's value of one secret setting, a pay-mode code and a setting name, e.g. <c>("mybank", "SecretKey")</c>.</summary>
    public string For(string code, string setting) =>
        "sandbox-" + Convert.ToHexStringLower(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes($"{code}:{setting}")));
}
