namespace Shop.PayModes.Core;

/// <summary>Who pays; every part is optional because providers only forward what they get.</summary>
public sealed record Buyer(
    string? Email = null,
    string? FirstName = null,
    string? LastName = null,
    string? Address = null,
    string? ZipCode = null,
    string? Town = null,
    string? CountryCode = null);

/// <summary>Where the provider sends the buyer back (Return, Cancel) and posts its notification (Notify).</summary>
public sealed record ReturnUrls(string Return, string Cancel, string Notify);

/// <summary>
/// One payment attempt as a request builder needs it. <paramref name="AttemptReference"/> is unique
/// per attempt (providers refuse a reused one); <paramref name="OrderId"/> is the bill reference.
/// </summary>
public sealed record ProviderPaymentRequest(
    long AmountMinorUnits,
    string Currency,
    string AttemptReference,
    string OrderId,
    Buyer Buyer,
    ReturnUrls Urls,
    PaymentEnvironment Environment,
    DateTimeOffset Now);
