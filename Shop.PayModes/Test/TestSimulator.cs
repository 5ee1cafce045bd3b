using System.Security.Claims;
using Shop.PayModes.Core;

namespace Shop.PayModes.Test;

/// <summary>The simulated provider behind the test mode's buttons. Every outcome goes through the real pipeline.</summary>
public sealed class TestSimulator(IBillGateway bills, NotificationPipeline pipeline, TestNotificationProtocol protocol, IShopSettings shop)
{
    /// <summary>Why this user may not drive the simulator now, or null when they may.</summary>
    public string? Refusal(ClaimsPrincipal user)
    {
        var settings = shop.Current;
        if (!settings.TestMode)
            return "The shop is not in test mode.";
        return user.IsInRole(PaymentHandover.AdminRole) || settings.TestOverride ? null : "Only administrators may use the test payment.";
    }

    /// <summary>The signed body the simulated provider would post for this bill's latest attempt.</summary>
    public string CreateNotification(BillView bill, PaymentOutcome outcome)
    {
        var attempt = bill.LatestAttempt ?? throw new InvalidOperationException("The bill has no payment attempt.");
        return protocol.Sign(new TestNotification(attempt.ProviderReference, outcome, bill.Total, bill.Currency));
    }

    public async Task<NotificationOutcome> SendAsync(BillView bill, PaymentOutcome outcome, ClaimsPrincipal user, CancellationToken ct = default)
    {
        EnsureAllowed(user);
        return await DeliverAsync(CreateNotification(bill, outcome), ct);
    }

    /// <summary>Pays, but keeps the notification back until it is fired: the buyer sees "waiting for confirmation".</summary>
    public async Task DeferAsync(BillView bill, ClaimsPrincipal user, CancellationToken ct = default)
    {
        EnsureAllowed(user);
        var attempt = bill.LatestAttempt ?? throw new InvalidOperationException("The bill has no payment attempt.");
        await bills.SetAttemptDataAsync(attempt.Reference, CreateNotification(bill, PaymentOutcome.Paid), ct);
    }

    public async Task<NotificationOutcome?> FirePendingAsync(string reference, CancellationToken ct = default)
    {
        var bill = await bills.FindAsync(reference, ct);
        if (bill?.LatestAttempt is not { PayMode: "test", Data: { Length: > 0 } body })
            return null;
        return await DeliverAsync(body, ct);
    }

    private Task<NotificationOutcome> DeliverAsync(string body, CancellationToken ct) =>
        pipeline.ProcessAsync(protocol, RawNotification.FromForm(protocol.PayMode, body), ct: ct);

    private void EnsureAllowed(ClaimsPrincipal user)
    {
        if (Refusal(user) is { } refusal)
            throw new InvalidOperationException(refusal);
    }
}
