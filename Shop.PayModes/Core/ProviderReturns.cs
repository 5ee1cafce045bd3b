using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Shop.PayModes.Core;

/// <summary>What a provider's browser return says once its signature is checked.</summary>
public sealed record ReturnCheck(SignatureVerdict Verdict, string? ProviderReference, string? Problem = null)
{
    public static ReturnCheck Valid(string providerReference) => new(SignatureVerdict.Valid, providerReference);

    public static ReturnCheck From<T>(NotificationResult<T> result, Func<T, string> reference) where T : class =>
        result.SignatureValid ? Valid(reference(result.Notification)) : new(result.Verdict, null, result.Problem);
}

/// <summary>
/// The browser return and cancel of a signed provider (rule 2: display only). When the provider sent
/// data, its signature is checked and the bill found through the attempt; without data, the
/// <c>bill</c> query parameter of our own return URL leads to the status page. Nothing is ever marked paid here: a verified
/// return is only recorded on its attempt, so the status page can say the payment is being confirmed with the provider.
/// </summary>
public static class ProviderReturns
{
    public static void MapVerifiedReturns(this IEndpointRouteBuilder group, string payMode,
        Func<IReadOnlyList<KeyValuePair<string, string>>, IServiceProvider, CancellationToken, Task<ReturnCheck>> verify)
    {
        group.MapMethods(PayModeRoutes.Return, ["GET", "POST"], (HttpContext http, IBillGateway bills) => ReturnAsync(payMode, verify, http, bills, paid: true));
        group.MapMethods(PayModeRoutes.Cancel, ["GET", "POST"], (HttpContext http, IBillGateway bills) => ReturnAsync(payMode, verify, http, bills, paid: false));
    }

    private static async Task<Results<RedirectHttpResult, ContentHttpResult>> ReturnAsync(string payMode,
        Func<IReadOnlyList<KeyValuePair<string, string>>, IServiceProvider, CancellationToken, Task<ReturnCheck>> verify,
        HttpContext http, IBillGateway bills, bool paid)
    {
        var ct = http.RequestAborted;
        var ourBill = http.Request.Query[ProviderLinks.BillParameter].FirstOrDefault();
        IReadOnlyList<KeyValuePair<string, string>> fields;
        try
        {
            fields = await ReadFieldsAsync(http.Request, ct);
        }
        catch (FormatException)
        {
            return Unverified(ourBill, "The payment page sent back data we could not read.");
        }
        if (fields.Count == 0)
            return ourBill is { Length: > 0 } ? TypedResults.Redirect(PaymentHandover.StatusPath(ourBill)) : NotFound();

        var check = await verify(fields, http.RequestServices, ct);
        if (check.Verdict != SignatureVerdict.Valid || check.ProviderReference is null)
            return Unverified(ourBill, "The payment page sent back data whose signature does not match. Your order's status below is the only one that counts.");
        var bill = await bills.FindByAttemptAsync(payMode, check.ProviderReference, ct);
        if (bill is not null && paid)
            await bills.RecordVerifiedReturnAsync(payMode, check.ProviderReference, ct);
        return bill is not null ? TypedResults.Redirect(PaymentHandover.StatusPath(bill.Reference))
            : ourBill is { Length: > 0 } ? TypedResults.Redirect(PaymentHandover.StatusPath(ourBill))
            : NotFound();
    }

    /// <summary>The provider's fields: the form body of a POST, else the query string (without our own parameter).</summary>
    private static async Task<IReadOnlyList<KeyValuePair<string, string>>> ReadFieldsAsync(HttpRequest request, CancellationToken ct)
    {
        if (HttpMethods.IsPost(request.Method))
        {
            var (body, truncated) = await NotificationPipeline.ReadBodyAsync(request, ct);
            if (truncated)
                throw new FormatException("body too large");
            if (body.Length > 0)
            {
                var text = RawNotification.Utf8OrNull(body) ?? throw new FormatException("body is not UTF-8");
                var posted = FormBody.Parse(text);
                if (posted.Count > 0)
                    return posted;
            }
        }
        return [.. FormBody.Parse((request.QueryString.Value ?? "").TrimStart('?'))
            .Where(f => !string.Equals(f.Key, ProviderLinks.BillParameter, StringComparison.Ordinal))];
    }

    private static ContentHttpResult Unverified(string? bill, string message) => bill is { Length: > 0 }
        ? PayModePages.Message(StatusCodes.Status400BadRequest, "Payment not confirmed", message, PaymentHandover.StatusPath(bill), "See your order")
        : PayModePages.Message(StatusCodes.Status400BadRequest, "Payment not confirmed", message, "/", "Back to the shop");

    private static ContentHttpResult NotFound() =>
        PayModePages.Message(StatusCodes.Status400BadRequest, "Order not found",
            "The payment page sent you back without a valid order reference.", "/", "Back to the shop");
}
