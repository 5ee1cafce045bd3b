using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Shop.PayModes.PayPal.Sandbox;

/// <summary>One entry of a PayPal error's <c>details[]</c>.</summary>
internal sealed record SandboxIssue(string Issue, string Description, string? Field = null, string? Value = null, string? Location = null);

/// <summary>The answer to <c>POST /v1/oauth2/token</c>.</summary>
internal sealed record OAuthToken(
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("app_id")] string AppId,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("nonce")] string Nonce);

/// <summary>PayPal's OAuth error (a bad client, a bad or expired token): not its REST error object.</summary>
internal sealed record OAuthError(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("error_description")] string Description);

/// <summary>The answer to <c>POST /v1/notifications/verify-webhook-signature</c>: <c>SUCCESS</c> or <c>FAILURE</c>.</summary>
internal sealed record WebhookVerification([property: JsonPropertyName("verification_status")] string Status);

/// <summary>What a sandbox control (complete, refund, redeliver) answers when it did its part.</summary>
internal sealed record ControlDone([property: JsonPropertyName("delivered")] bool Delivered);

/// <summary>What the IPN sender answers: the status code the shop's notify endpoint gave (0 when unreachable).</summary>
internal sealed record IpnSent([property: JsonPropertyName("status")] int Status);

/// <summary>A JSON answer of PayPal's REST API, with its <c>PayPal-Debug-Id</c> header when it is an error.</summary>
internal sealed class ApiAnswer(JsonNode body, int status, string? debugId = null) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public int? StatusCode => status;

    public string ContentType => "application/json";

    public async Task ExecuteAsync(HttpContext http)
    {
        http.Response.StatusCode = status;
        if (debugId is not null)
            http.Response.Headers["PayPal-Debug-Id"] = debugId;
        http.Response.ContentType = ContentType;
        await http.Response.WriteAsync(body.ToJsonString(), http.RequestAborted);
    }
}

/// <summary>
/// The sandbox's own reading of REST request bodies and writing of PayPal's error object. Written for the sandbox
/// alone: it shares no parser or model with the pay mode, so a mistake in one cannot hide the same mistake in the other.
/// </summary>
public sealed partial class PayPalSandbox
{
    internal const string OrdersApi = "orders/v2";
    internal const string PaymentsApi = "payments/v2";
    internal const string NotificationsApi = "notifications/v1";

    private const string MissingDescription = "A required field / parameter is missing.";
    private const string InvalidDescription = "The value of a field is invalid.";
    private const string SyntaxDescription = "The value of a field does not conform to the expected format.";

    /// <summary>
    /// PayPal's error object: <c>name</c>, a sentence in <c>message</c>, a <c>debug_id</c> (also sent as the
    /// <c>PayPal-Debug-Id</c> header), <c>details[]</c> and an information link per issue.
    /// </summary>
    internal static ApiAnswer ApiError(int status, string api, params SandboxIssue[] issues)
    {
        var (name, message) = status switch
        {
            StatusCodes.Status404NotFound => ("RESOURCE_NOT_FOUND", "The specified resource does not exist."),
            StatusCodes.Status422UnprocessableEntity => ("UNPROCESSABLE_ENTITY", "The requested action could not be performed, semantically incorrect, or failed business validation."),
            _ when api == NotificationsApi => ("VALIDATION_ERROR", "Invalid request - see details"),
            _ => ("INVALID_REQUEST", "Request is not well-formed, syntactically incorrect, or violates schema."),
        };
        var details = new JsonArray();
        var links = new JsonArray();
        foreach (var issue in issues)
        {
            var detail = new JsonObject();
            AddIfPresent(detail, "field", issue.Field);
            AddIfPresent(detail, "value", issue.Value);
            AddIfPresent(detail, "location", issue.Location);
            detail["issue"] = issue.Issue;
            detail["description"] = issue.Description;
            details.Add(detail);
            links.Add(new JsonObject
            {
                ["href"] = $"https://developer.paypal.com/api/rest/reference/{api}/errors/#{issue.Issue.ToLowerInvariant()}",
                ["rel"] = "information_link",
                ["method"] = "GET",
            });
        }
        var debugId = Convert.ToHexString(RandomNumberGenerator.GetBytes(7)).ToLowerInvariant()[..13];
        var body = new JsonObject { ["name"] = name, ["message"] = message, ["debug_id"] = debugId, ["details"] = details, ["links"] = links };
        return new ApiAnswer(body, status, debugId);
    }

    private static ApiAnswer NotFoundError(string api, string field, string value) => ApiError(StatusCodes.Status404NotFound, api,
        new SandboxIssue("INVALID_RESOURCE_ID", "Specified resource ID does not exist. Please check the resource ID and try again.", field, value, "path"));

    private static ApiAnswer MalformedJson(string api) => ApiError(StatusCodes.Status400BadRequest, api,
        new SandboxIssue("MALFORMED_REQUEST_JSON", "The request JSON is not well formed.", Location: "body"));

    private static ApiAnswer Json(JsonNode body, int status = StatusCodes.Status200OK) => new(body, status);

    /// <summary>
    /// The request body as a JSON object. An empty body is an empty object when <paramref name="optional"/>;
    /// anything that is not a JSON object is PayPal's 400 <c>MALFORMED_REQUEST_JSON</c>.
    /// </summary>
    private static async Task<(JsonElement Body, ApiAnswer? Error)> ReadObjectAsync(HttpContext http, string api, bool optional)
    {
        using var reader = new StreamReader(http.Request.Body);
        var text = await reader.ReadToEndAsync(http.RequestAborted);
        if (text.Trim().Length == 0)
            return optional ? (JsonDocument.Parse("{}").RootElement.Clone(), null) : (default, MalformedJson(api));
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object ? (document.RootElement.Clone(), null) : (default, MalformedJson(api));
        }
        catch (JsonException)
        {
            return (default, MalformedJson(api));
        }
    }

    /// <summary>A string member: null when absent (an issue when <paramref name="required"/>), an issue when of another JSON type.</summary>
    private static string? Text(JsonElement parent, string name, string path, List<SandboxIssue> issues, bool required = false)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
                issues.Add(new("MISSING_REQUIRED_PARAMETER", MissingDescription, path, Location: "body"));
            return null;
        }
        if (value.ValueKind == JsonValueKind.String)
            return value.GetString();
        issues.Add(new("INVALID_PARAMETER_VALUE", InvalidDescription, path, value.GetRawText(), "body"));
        return null;
    }

    /// <summary>An object member: null when absent (an issue when <paramref name="required"/>), an issue when of another JSON type.</summary>
    private static JsonElement? Member(JsonElement parent, string name, string path, List<SandboxIssue> issues, bool required = false)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
                issues.Add(new("MISSING_REQUIRED_PARAMETER", MissingDescription, path, Location: "body"));
            return null;
        }
        if (value.ValueKind == JsonValueKind.Object)
            return value;
        issues.Add(new("INVALID_PARAMETER_VALUE", InvalidDescription, path, value.GetRawText(), "body"));
        return null;
    }

    /// <summary>A money object (<c>currency_code</c>, <c>value</c>) as PayPal's schema has it: both required strings, a three-letter code, a decimal value.</summary>
    private static (string Currency, string Value)? Money(JsonElement parent, string name, string path, List<SandboxIssue> issues, bool required)
    {
        if (Member(parent, name, $"{path}/{name}", issues, required) is not { } money)
            return null;
        var currency = Text(money, "currency_code", $"{path}/{name}/currency_code", issues, required: true);
        var value = Text(money, "value", $"{path}/{name}/value", issues, required: true);
        var ok = true;
        if (currency is not null && !CurrencyPattern().IsMatch(currency))
        {
            issues.Add(new("INVALID_PARAMETER_VALUE", InvalidDescription, $"{path}/{name}/currency_code", currency, "body"));
            ok = false;
        }
        if (value is not null && (value.Length > 32 || !ValuePattern().IsMatch(value) || !decimal.TryParse(value, AmountStyle, CultureInfo.InvariantCulture, out _)))
        {
            issues.Add(new("INVALID_PARAMETER_SYNTAX", SyntaxDescription, $"{path}/{name}/value", value, "body"));
            ok = false;
        }
        return ok && currency is not null && value is not null ? (currency, value) : null;
    }

    /// <summary>PayPal's business rules on an amount that passed the schema: positive, and no more decimals than the currency has.</summary>
    private static SandboxIssue? AmountRule(string currency, string value, string field)
    {
        var digits = value.Contains('.') ? value.Length - value.IndexOf('.') - 1 : 0;
        var allowed = DecimalsOf(currency);
        if (digits > allowed)
            return allowed == 0
                ? new("DECIMALS_NOT_SUPPORTED", "Currency does not support decimals.", field, value, "body")
                : new("DECIMAL_PRECISION", "If the currency supports decimals, only two decimal place precision is supported.", field, value, "body");
        return Amount(value) <= 0 ? new("CANNOT_BE_ZERO_OR_NEGATIVE", "Must be greater than zero. If the currency supports decimals, only two decimal place precision is supported.", field, value, "body") : null;
    }

    private const NumberStyles AmountStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    /// <summary>A value <see cref="Money"/> accepted (so it parses).</summary>
    private static decimal Amount(string value) => decimal.Parse(value, AmountStyle, CultureInfo.InvariantCulture);

    /// <summary>The currencies PayPal takes without decimals.</summary>
    private static int DecimalsOf(string currency) => currency is "JPY" or "HUF" or "TWD" ? 0 : 2;

    private static string Format(decimal amount, string currency) => amount.ToString("F" + DecimalsOf(currency), CultureInfo.InvariantCulture);

    private static void AddIfPresent(JsonObject target, string name, string? value)
    {
        if (value is not null)
            target[name] = value;
    }

    /// <summary>Whether the caller asked for the full resource (<c>Prefer: return=representation</c>); PayPal's default is the minimal one.</summary>
    private static bool WantsRepresentation(HttpContext http) =>
        http.Request.Headers["Prefer"].ToString().Contains("return=representation", StringComparison.OrdinalIgnoreCase);

    /// <summary>The minimal resource PayPal returns without <c>Prefer: return=representation</c>: id, status and links.</summary>
    private static JsonObject Minimal(JsonObject full) => new()
    {
        ["id"] = full["id"]!.DeepClone(),
        ["status"] = full["status"]!.DeepClone(),
        ["links"] = full["links"]!.DeepClone(),
    };

    private static JsonObject Link(string href, string rel, string method) => new() { ["href"] = href, ["rel"] = rel, ["method"] = method };

    private string Now() => clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyPattern();

    [GeneratedRegex(@"^((-?[0-9]+)|(-?([0-9]+)?[.][0-9]+))$")]
    private static partial Regex ValuePattern();
}
