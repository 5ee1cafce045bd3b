using Microsoft.AspNetCore.Http;

namespace Shop.PayModes.Core.Sandbox;

/// <summary>What the buyer chooses on a sandbox payment page.</summary>
public enum SandboxDecision
{
    Pay,
    Refuse,
    Cancel,
    /// <summary>Pay, send the buyer back at once, and hold the notification until it is delivered on demand.</summary>
    PayLate,
    /// <summary>Notify a pending payment now, and hold the paid notification until it is delivered on demand.</summary>
    PendingThenPay,
}

/// <summary>The status a sandbox message reports.</summary>
public enum SandboxStatus
{
    Paid,
    Refused,
    Cancelled,
    Pending,
}

/// <summary>A payment request the sandbox accepted: what it shows, and where it answers.</summary>
public sealed record SandboxRequest(
    string Merchant,
    long Amount,
    string Currency,
    string Reference,
    string ReturnUrl,
    string? DeclineUrl,
    string? CancelUrl,
    string NotifyUrl,
    IReadOnlyDictionary<string, string> Fields);

/// <summary>A sandbox's verdict on an incoming payment request: the request, or why it is refused.</summary>
public sealed record SandboxRequestCheck(SandboxRequest? Request, string? Error)
{
    public static SandboxRequestCheck Accept(SandboxRequest request) => new(request, null);

    public static SandboxRequestCheck Refuse(string error) => new(null, error);
}

/// <summary>
/// The provider's side of one protocol (docs/sandbox.md): checks a signed payment request with the
/// sandbox's own signer and signs the responses. Implementations must not reuse the pay mode's signing code.
/// </summary>
public interface IProviderSandbox
{
    /// <summary>The pay-mode code it stands in for (its routes live under <c>/sandbox/{code}</c>).</summary>
    string Code { get; }

    /// <summary>The provider's name as its payment page shows it.</summary>
    string ProviderName { get; }

    Task<SandboxRequestCheck> CheckRequestAsync(IReadOnlyList<KeyValuePair<string, string>> form, HttpRequest http, CancellationToken ct);

    /// <summary>The signed fields of a response (browser return and server notification share the format).</summary>
    Task<IReadOnlyList<KeyValuePair<string, string>>> SignResponseAsync(SandboxPayment payment, SandboxStatus status, CancellationToken ct);

    /// <summary>
    /// A notification already delivered, as the provider sends it again (a retry or a duplicate). By default the same
    /// fields; a provider that marks its retries (a field saying RETRY) re-signs them marked.
    /// </summary>
    Task<IReadOnlyList<KeyValuePair<string, string>>> SignRetryAsync(SandboxPayment payment, IReadOnlyList<KeyValuePair<string, string>> delivered, CancellationToken ct) =>
        Task.FromResult(delivered);

    /// <summary>Whether the browser return is a GET redirect with the fields in the query (else an auto-posted form).</summary>
    bool ReturnsByGet(SandboxPayment payment) => false;
}
