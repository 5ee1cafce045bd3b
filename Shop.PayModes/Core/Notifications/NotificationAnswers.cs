using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Shop.PayModes.Core;

/// <summary>The usual answers: 200 for anything processed, 4xx (never 5xx) for anything rejected.</summary>
public static class NotificationAnswers
{
    public static Results<ContentHttpResult, ProblemHttpResult> Default(NotificationOutcome outcome) => outcome.Verdict switch
    {
        NotificationVerdict.Accepted or NotificationVerdict.Duplicate or NotificationVerdict.Mismatch =>
            TypedResults.Text("OK", "text/plain", statusCode: StatusCodes.Status200OK),
        NotificationVerdict.UnknownTransaction => Problem(StatusCodes.Status404NotFound, "Unknown transaction", outcome.Detail),
        NotificationVerdict.TooLarge => Problem(StatusCodes.Status413PayloadTooLarge, "Notification too large", outcome.Detail),
        NotificationVerdict.Refused => Problem(StatusCodes.Status403Forbidden, "Notification refused", outcome.Detail),
        NotificationVerdict.BadSignature => Problem(StatusCodes.Status400BadRequest, "Bad signature", outcome.Detail),
        _ => Problem(StatusCodes.Status400BadRequest, "Malformed notification", outcome.Detail),
    };

    /// <summary>The shop could not take it for now (nothing was journaled): a 4xx with <c>Retry-After</c>, so the provider sends it again later.</summary>
    public static RetryLaterResult RetryLater(NotificationOutcome outcome) =>
        PayModePages.RetryLater(Problem(StatusCodes.Status429TooManyRequests, "Send it again later", outcome.Detail), outcome.RetryAfter ?? TimeSpan.FromMinutes(1));

    /// <summary><c>Retry-After</c> in whole seconds, at least one.</summary>
    public static string RetryAfterSeconds(TimeSpan wait) => Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: status);
}
