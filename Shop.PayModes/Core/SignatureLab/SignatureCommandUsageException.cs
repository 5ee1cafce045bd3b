namespace Shop.PayModes.Core.SignatureLab;

/// <summary>The command line itself is wrong (as opposed to its input).</summary>
public sealed class SignatureCommandUsageException(string message) : Exception(message);
