using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Shop.PayModes.Core;

/// <summary>
/// The one path every provider notification takes (docs/notifications.md):
/// journal the raw data → verify the signature → match bill, amount, currency and merchant →
/// idempotent transition → answer the provider.
/// </summary>
public sealed class NotificationPipeline(
    IBillGateway bills,
    INotificationJournal journal,
    TimeProvider clock,
    ILogger<NotificationPipeline> logger)
{
    /// <summary>Larger bodies are refused; no provider sends anything near this.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>A notification to <c>/paymodes/{code}/notify</c>, judged by the protocol the mode chooses for it.</summary>
    public Task<IResult> HandleAsync(HttpContext http, IPayMode mode) =>
        HandleAsync(http, mode.Code, raw => mode.NotificationProtocol(raw, http.RequestServices));

    public Task<IResult> HandleAsync(HttpContext http, INotificationProtocol protocol) => HandleAsync(http, protocol.PayMode, _ => protocol);

    private async Task<IResult> HandleAsync(HttpContext http, string payMode, Func<RawNotification, INotificationProtocol?> protocolFor)
    {
        INotificationProtocol? protocol = null;
        NotificationOutcome outcome;
        try
        {
            var (body, truncated) = await ReadBodyAsync(http.Request, http.RequestAborted);
            var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var raw = new RawNotification(payMode, http.Request.Method, http.Request.ContentType, body,
                http.Request.QueryString.Value ?? "", headers, http.Connection.RemoteIpAddress?.ToString());
            protocol = protocolFor(raw) ?? throw new InvalidOperationException($"pay mode '{payMode}' takes no notification");
            outcome = await ProcessAsync(protocol, raw, truncated, http.RequestAborted);
        }
        catch (Exception ex) when (!http.RequestAborted.IsCancellationRequested)
        {
            // Not even journaled (the database is away?): still no 5xx, and the provider sends it again.
            logger.LogError(ex, "A {PayMode} notification could not be journaled", payMode);
            outcome = NotProcessed(ex);
        }
        return outcome.RetryAfter is not null ? NotificationAnswers.RetryLater(outcome)
            : protocol?.Answer(outcome) ?? NotificationAnswers.Default(outcome);
    }

    public async Task<NotificationOutcome> ProcessAsync(INotificationProtocol protocol, RawNotification raw, bool truncated = false, CancellationToken ct = default)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["PayMode"] = protocol.PayMode });
        long journalId;
        try
        {
            journalId = await journal.AppendAsync(new JournalEntry(protocol.PayMode, clock.GetUtcNow().UtcDateTime, raw.Method, raw.ContentType,
                raw.RemoteIp, raw.Body, truncated, raw.QueryString, raw.Headers), ct);
        }
        catch (StorageFullException full)
        {
            // Nothing is judged unless it is journaled first: the provider is asked to send it again once there is room.
            logger.LogWarning("A {PayMode} notification was not taken: {Reason}", protocol.PayMode, full.Message);
            return new NotificationOutcome(NotificationVerdict.Refused, null, $"not journaled: {full.Message}") { RetryAfter = full.RetryAfter };
        }

        var outcome = truncated
            ? new NotificationOutcome(NotificationVerdict.TooLarge, null, $"body over {MaxBodyBytes} bytes")
            : await JudgeOrNotProcessedAsync(protocol, raw, journalId, ct);
        await RecordAsync(journalId, outcome);
        return outcome;
    }

    /// <summary>
    /// A journaled notification that never got its verdict (the shop stopped between the two): judged now by the same rules,
    /// as if it had just arrived, with the journal row it already has. Idempotency makes this safe even when the provider
    /// has meanwhile sent it again.
    /// </summary>
    public async Task<NotificationOutcome> JudgeAgainAsync(long journalId, INotificationProtocol protocol, RawNotification raw, CancellationToken ct = default)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["PayMode"] = protocol.PayMode });
        var outcome = await JudgeOrNotProcessedAsync(protocol, raw, journalId, ct);
        if (outcome.ShopFault)
        {
            // Still no verdict on the message (the database is busy, the provider's verification is away): the row stays
            // Received, so the next start judges it again, and retention never takes it for junk.
            logger.LogWarning("Notification {JournalId}, left unjudged by a stop, could not be judged now either: {Detail}", journalId, outcome.Detail);
            return outcome;
        }
        outcome = outcome with { Detail = $"judged again after a stop: {outcome.Detail}" };
        await RecordAsync(journalId, outcome);
        return outcome;
    }

    private async Task<NotificationOutcome> JudgeOrNotProcessedAsync(INotificationProtocol protocol, RawNotification raw, long journalId, CancellationToken ct)
    {
        try
        {
            return await JudgeAsync(protocol, raw, journalId, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogError(ex, "Notification {JournalId} could not be processed", journalId);
            return NotProcessed(ex);
        }
    }

    private async Task RecordAsync(long journalId, NotificationOutcome outcome)
    {
        await journal.SetVerdictAsync(journalId, outcome.Verdict, outcome.BillReference, outcome.Detail, CancellationToken.None);
        logger.LogInformation("Notification {JournalId} for {BillReference}: {Verdict} ({Detail})",
            journalId, outcome.BillReference, outcome.Verdict, outcome.Detail);
    }

    private async Task<NotificationOutcome> JudgeAsync(INotificationProtocol protocol, RawNotification raw, long journalId, CancellationToken ct)
    {
        NotificationCheck check;
        try
        {
            check = await protocol.VerifyAsync(raw, ct);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException or System.Text.Json.JsonException)
        {
            check = NotificationCheck.Malformed(ex.Message);
        }
        if (check.Verdict != NotificationVerdict.Accepted || check.Payment is not { } payment)
            return new NotificationOutcome(check.Verdict, null, check.Detail);

        var bill = await bills.FindByAttemptAsync(protocol.PayMode, payment.ProviderReference, ct);
        if (bill is null)
            return new NotificationOutcome(NotificationVerdict.UnknownTransaction, null, $"no payment attempt '{payment.ProviderReference}'");

        using var billScope = logger.BeginScope(new Dictionary<string, object> { ["BillReference"] = bill.Reference });
        if (Mismatch(payment, bill) is { } mismatch)
        {
            await bills.FlagAsync(bill.Reference, $"Notification mismatch: {mismatch}", Actor.Provider(protocol.PayMode), payment.Summary, ct);
            return new NotificationOutcome(NotificationVerdict.Mismatch, bill.Reference, mismatch);
        }

        var applied = await bills.ApplyNotificationAsync(new NotificationApplication(
            protocol.PayMode, payment.ProviderReference, payment.Outcome, payment.IdempotencyKey,
            payment.Amount, payment.ProviderTransactionId, payment.Summary, journalId) { Refund = payment.Refund }, ct);
        var verdict = applied == ApplyResult.Duplicate ? NotificationVerdict.Duplicate : NotificationVerdict.Accepted;
        return new NotificationOutcome(verdict, bill.Reference, $"{payment.Outcome}: {applied}", applied);
    }

    /// <summary>
    /// A fault on the shop's side (database, delivery, a bug) is no verdict on the message, and never a 5xx (docs/interfaces.md):
    /// the provider is told it was refused for now, so it sends it again, and idempotency takes care of any part already done.
    /// </summary>
    private static NotificationOutcome NotProcessed(Exception ex) =>
        new(NotificationVerdict.Refused, null, $"not processed ({ex.GetType().Name}): to be sent again") { ShopFault = true };

    /// <summary>After the signature: merchant, amount and currency must be the bill's own (rule 4).</summary>
    internal static string? Mismatch(ProviderPayment payment, BillView bill)
    {
        if (payment.ExpectedMerchantId is { } expected && !string.Equals(expected, payment.MerchantId, StringComparison.Ordinal))
            return $"merchant '{payment.MerchantId}' is not ours";
        var movesMoney = payment.Outcome is PaymentOutcome.Paid or PaymentOutcome.Pending;
        if (movesMoney && payment.Amount != bill.Total)
            return $"amount {payment.Amount?.ToString() ?? "missing"} differs from the bill's {bill.Total}";
        if (movesMoney && !string.Equals(payment.Currency, bill.Currency, StringComparison.OrdinalIgnoreCase))
            return $"currency '{payment.Currency}' differs from the bill's {bill.Currency}";
        return null;
    }

    /// <summary>Reads at most <see cref="MaxBodyBytes"/> of a request body; Truncated says there was more.</summary>
    internal static async Task<(byte[] Body, bool Truncated)> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                buffer.Write(chunk, 0, (int)(MaxBodyBytes - buffer.Length));
                return (buffer.ToArray(), true);
            }
            buffer.Write(chunk, 0, read);
        }
        return (buffer.ToArray(), false);
    }
}
