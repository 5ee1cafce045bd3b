using System.Text;

namespace Shop.PayModes.Core;

/// <summary>What a provider says happened to a payment, mapped from its own status codes.</summary>
public enum PaymentOutcome
{
    Paid,
    Pending,
    Refused,
    Cancelled,
    Failed,
    Refunded,
    /// <summary>
    /// Verified and about a payment, but nothing the shop acts on (a reversal cancelled, a subscription event ...):
    /// recorded in the bill's trace when the bill is known, never moves it.
    /// </summary>
    Informational,
}

public enum NotificationVerdict
{
    /// <summary>Journaled, not yet judged.</summary>
    Received,
    Accepted,
    Duplicate,
    /// <summary>Valid and known, but amount, currency or merchant differ from the bill: flagged, never paid.</summary>
    Mismatch,
    BadSignature,
    Malformed,
    UnknownTransaction,
    TooLarge,
    /// <summary>Valid, but the pay mode cannot take notifications now (e.g. the test mode outside test mode).</summary>
    Refused,
}

/// <summary>A notification exactly as received, before anything reads its fields.</summary>
public sealed record RawNotification(
    string PayMode,
    string Method,
    string? ContentType,
    byte[] Body,
    string QueryString,
    IReadOnlyDictionary<string, string> Headers,
    string? RemoteIp)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The body as UTF-8 text, or null when it is not valid UTF-8.</summary>
    public string? BodyText => Utf8OrNull(Body);

    /// <summary>The fields of a form-encoded body, in the order received (duplicates kept).</summary>
    /// <exception cref="FormatException">The body is not UTF-8, not form-encoded, or empty: the pipeline journals it as malformed.</exception>
    public IReadOnlyList<KeyValuePair<string, string>> FormFields()
    {
        var form = FormBody.Parse(BodyText ?? throw new FormatException("body is not UTF-8"));
        return form.Count > 0 ? form : throw new FormatException("empty body");
    }

    /// <summary>Strict UTF-8 decoding: null rather than replacement characters for invalid bytes.</summary>
    public static string? Utf8OrNull(byte[] bytes)
    {
        try { return StrictUtf8.GetString(bytes); }
        catch (DecoderFallbackException) { return null; }
    }

    public static RawNotification FromForm(string payMode, string body) =>
        new(payMode, "POST", "application/x-www-form-urlencoded", Encoding.UTF8.GetBytes(body), "",
            new Dictionary<string, string>(), null);
}

/// <summary>The verified content of a notification, in the shop's terms.</summary>
public sealed record ProviderPayment(
    string ProviderReference,
    PaymentOutcome Outcome,
    string IdempotencyKey,
    long? Amount,
    string? Currency,
    string? MerchantId = null,
    string? ExpectedMerchantId = null,
    string? ProviderTransactionId = null,
    string Summary = "")
{
    /// <summary>Set when the message is about a refund (outcome <see cref="PaymentOutcome.Refunded"/>): which one, how much.</summary>
    public RefundNotice? Refund { get; init; }
}

public sealed record NotificationCheck(NotificationVerdict Verdict, ProviderPayment? Payment, string Detail)
{
    public static NotificationCheck Valid(ProviderPayment payment) => new(NotificationVerdict.Accepted, payment, "signature valid");

    public static NotificationCheck BadSignature(string detail = "signature does not match") => new(NotificationVerdict.BadSignature, null, detail);

    public static NotificationCheck Malformed(string detail) => new(NotificationVerdict.Malformed, null, detail);

    public static NotificationCheck Refused(string detail) => new(NotificationVerdict.Refused, null, detail);

    /// <summary>A failed signature check as the pipeline's verdict: a bad signature, or a malformed message.</summary>
    public static NotificationCheck Rejected<T>(NotificationResult<T> result) where T : class =>
        result.Verdict == SignatureVerdict.BadSignature ? BadSignature() : Malformed(result.Problem ?? "malformed");
}

public sealed record NotificationOutcome(NotificationVerdict Verdict, string? BillReference, string Detail, ApplyResult? Applied = null)
{
    /// <summary>Set when the shop could not take the notification for now (it was not journaled): the provider should send it again after this.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>A fault on the shop's side (database, delivery, a bug), not a verdict on the message: it is to be judged again.</summary>
    public bool ShopFault { get; init; }

    /// <summary>The provider should stop retrying: it was taken, already taken, or judged for good.</summary>
    public bool Processed => Verdict is NotificationVerdict.Accepted or NotificationVerdict.Duplicate or NotificationVerdict.Mismatch;
}

/// <summary>A provider's side of the notification contract: verify over raw data first, then answer as it expects.</summary>
public interface INotificationProtocol
{
    string PayMode { get; }

    /// <summary>Checks the signature over the raw data before reading any field, then extracts the payment.</summary>
    Task<NotificationCheck> VerifyAsync(RawNotification raw, CancellationToken ct);

    /// <summary>The HTTP answer the provider expects for this outcome.</summary>
    Microsoft.AspNetCore.Http.IResult Answer(NotificationOutcome outcome) => NotificationAnswers.Default(outcome);
}

/// <summary>A notification as the journal receives it: everything needed to judge it again (the journal keeps it bounded).</summary>
/// <param name="Truncated">The request had more than <see cref="NotificationPipeline.MaxBodyBytes"/> bytes; the rest was not read.</param>
public sealed record JournalEntry(
    string PayMode,
    DateTime ReceivedAt,
    string Method,
    string? ContentType,
    string? RemoteIp,
    byte[] Body,
    bool Truncated,
    string QueryString = "",
    IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>The shop refuses new writes for now (its disk is nearly full): nothing was written; try again after <see cref="RetryAfter"/>.</summary>
public sealed class StorageFullException(string message, TimeSpan retryAfter) : IOException(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>The append-only record of every notification received, verified or not.</summary>
public interface INotificationJournal
{
    /// <exception cref="StorageFullException">The shop takes no new writes for now; nothing was journaled.</exception>
    Task<long> AppendAsync(JournalEntry entry, CancellationToken ct = default);

    /// <summary>Records the verdict once it is known; the raw data is never changed.</summary>
    Task SetVerdictAsync(long id, NotificationVerdict verdict, string? billReference, string detail, CancellationToken ct = default);
}
