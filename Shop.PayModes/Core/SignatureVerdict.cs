namespace Shop.PayModes.Core;

/// <summary>The result of checking a provider message before any of its fields is trusted.</summary>
public enum SignatureVerdict { Valid, BadSignature, Malformed }
