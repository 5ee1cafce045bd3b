using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Shop.PayModes.Core;

/// <summary>Small self-contained HTML pages for the hand-over endpoints (no Blazor circuit needed).</summary>
public static class PayModePages
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    /// <summary>
    /// The one inline script of the shop's own plain pages (the hand-over here, the sandbox's return): it submits the
    /// page's form. Being constant, the Content-Security-Policy allows it by its hash, and no other inline script runs.
    /// </summary>
    public const string AutoSubmitScript = "document.forms[0].submit();";

    public static ContentHttpResult Message(int status, string title, string message, string linkHref, string linkText) =>
        TypedResults.Content(Page(title, $"""
            <h1>{Html.Encode(title)}</h1>
            <p>{Html.Encode(message)}</p>
            <p><a class="button" href="{Html.Encode(linkHref)}">{Html.Encode(linkText)}</a></p>
            """), "text/html; charset=utf-8", Encoding.UTF8, status);

    /// <summary>The answer (a page, a problem), with a <c>Retry-After</c> header (whole seconds, at least 1).</summary>
    public static RetryLaterResult RetryLater(IResult answer, TimeSpan after) => new(answer, after);

    /// <summary>
    /// An auto-submitting form to a provider; values are attribute-encoded here, signed elsewhere over the raw values.
    /// The page's Content-Security-Policy lets its form post to the provider's origin (and nowhere else but the shop).
    /// </summary>
    public static AutoPostPage AutoPost(string title, string actionUrl, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var inputs = new StringBuilder();
        foreach (var (name, value) in fields)
            inputs.Append($"""<input type="hidden" name="{Html.Encode(name)}" value="{Html.Encode(value)}" />""").Append('\n');
        return new AutoPostPage(actionUrl, TypedResults.Content(Page(title, $"""
            <h1>{Html.Encode(title)}</h1>
            <p>Taking you to the secure payment page…</p>
            <form id="handover" method="post" action="{Html.Encode(actionUrl)}">
            {inputs}<noscript><button class="button" type="submit">Continue to payment</button></noscript>
            </form>
            <script>{AutoSubmitScript}</script>
            """), "text/html; charset=utf-8", Encoding.UTF8));
    }

    private static string Page(string title, string body) => $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{Html.Encode(title)}</title>
        <style>
          body {"{"} font-family: system-ui, sans-serif; background: #f5f5f7; color: #222; display: grid; place-items: center; min-height: 90vh; margin: 0; {"}"}
          main {"{"} background: #fff; padding: 2rem 2.5rem; border-radius: 12px; box-shadow: 0 2px 12px rgba(0,0,0,.08); max-width: 32rem; {"}"}
          h1 {"{"} font-size: 1.4rem; margin-top: 0; {"}"}
          .button {"{"} display: inline-block; background: #594ae2; color: #fff; padding: .6rem 1.2rem; border-radius: 6px; text-decoration: none; border: 0; font-size: 1rem; cursor: pointer; {"}"}
        </style></head>
        <body><main>
        {body}
        </main></body></html>
        """;
}

/// <summary>
/// A page whose form posts to a provider (<see cref="PayModePages.AutoPost"/>): a content result that also tells the
/// page's Content-Security-Policy its form target before the headers go out, which no built-in result can.
/// </summary>
public sealed class AutoPostPage(string formTarget, ContentHttpResult page) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public string FormTarget { get; } = formTarget;

    public ContentHttpResult Page { get; } = page;

    public int? StatusCode => Page.StatusCode;

    public string? ContentType => Page.ContentType;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        PagePolicy.Of(httpContext)?.AllowFormTarget(FormTarget);
        return Page.ExecuteAsync(httpContext);
    }
}

/// <summary>
/// An answer (a page, a problem) with a <c>Retry-After</c> header in whole seconds, at least one: the header is set
/// before the answer writes, which no built-in result can.
/// </summary>
public sealed class RetryLaterResult(IResult answer, TimeSpan after) : IResult, IStatusCodeHttpResult, INestedHttpResult
{
    public IResult Result { get; } = answer;

    public TimeSpan After { get; } = after;

    public int? StatusCode => (Result as IStatusCodeHttpResult)?.StatusCode;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.RetryAfter = NotificationAnswers.RetryAfterSeconds(After);
        return Result.ExecuteAsync(httpContext);
    }
}
