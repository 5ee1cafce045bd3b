using System.Diagnostics.CodeAnalysis;

namespace Shop.PayModes.Core;

/// <summary>
/// A verified provider message. <see cref="Notification"/> is set only when the signature
/// matched and every required field parsed; otherwise only the verdict (and a reason for
/// the trace) is exposed, so nothing unverified can be acted upon.
/// </summary>
public sealed record NotificationResult<T>(SignatureVerdict Verdict, T? Notification, string? Problem)
    where T : class
{
    [MemberNotNullWhen(true, nameof(Notification))]
    public bool SignatureValid => Verdict == SignatureVerdict.Valid && Notification is not null;

    public static NotificationResult<T> Valid(T notification) => new(SignatureVerdict.Valid, notification, null);

    public static NotificationResult<T> BadSignature() => new(SignatureVerdict.BadSignature, null, "signature mismatch");

    public static NotificationResult<T> Malformed(string problem) => new(SignatureVerdict.Malformed, null, problem);
}
