namespace Shop.PayModes.Core;

/// <summary>Whether an attempt runs against the provider's test or production account.</summary>
public enum PaymentEnvironment { Test, Production }
