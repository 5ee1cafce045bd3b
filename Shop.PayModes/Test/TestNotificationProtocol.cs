using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Shop.PayModes.Core;

namespace Shop.PayModes.Test;

/// <summary>What the simulated provider says about one attempt.</summary>
public sealed record TestNotification(string Attempt, PaymentOutcome Outcome, long Amount, string Currency);

/// <summary>
/// The simulator's wire format: <c>token=&lt;payload protected by ASP.NET Core Data Protection&gt;</c>.
/// Data Protection authenticates the payload, so a forged or altered token fails like a bad signature.
/// </summary>
public sealed class TestNotificationProtocol(IDataProtectionProvider protection, IShopSettings shop) : INotificationProtocol
{
    private readonly IDataProtector _protector = protection.CreateProtector("Shop.PayModes.Test.Notification.v1");

    public string PayMode => "test";

    public string Sign(TestNotification notification) =>
        "token=" + Uri.EscapeDataString(_protector.Protect(JsonSerializer.Serialize(notification)));

    public Task<NotificationCheck> VerifyAsync(RawNotification raw, CancellationToken ct) => Task.FromResult(Verify(raw));

    private NotificationCheck Verify(RawNotification raw)
    {
        if (!shop.Current.TestMode)
            return NotificationCheck.Refused("the shop is not in test mode");
        if (raw.BodyText is not { } text)
            return NotificationCheck.Malformed("body is not UTF-8");
        var token = QueryHelpers.ParseNullableQuery(text)?.GetValueOrDefault("token").ToString();
        if (string.IsNullOrEmpty(token))
            return NotificationCheck.Malformed("no token field");

        string json;
        try { json = _protector.Unprotect(token); }
        catch (CryptographicException) { return NotificationCheck.BadSignature(); }

        var notification = JsonSerializer.Deserialize<TestNotification>(json)
            ?? throw new FormatException("empty notification payload");
        return NotificationCheck.Valid(new ProviderPayment(
            ProviderReference: notification.Attempt,
            Outcome: notification.Outcome,
            IdempotencyKey: $"{notification.Attempt}:{notification.Outcome}",
            Amount: notification.Amount,
            Currency: notification.Currency,
            Summary: $"test {notification.Outcome} {notification.Amount} {notification.Currency} for attempt {notification.Attempt}"));
    }
}
