using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Shop.PayModes.Core.Sandbox;

/// <summary>One payment on a sandbox payment page, from the request to the held notification.</summary>
public sealed class SandboxPayment(string id, string code, SandboxRequest request)
{
    private readonly Lock _gate = new();

    public string Id { get; } = id;

    public string Code { get; } = code;

    public SandboxRequest Request { get; } = request;

    public SandboxDecision? Decision { get; private set; }

    /// <summary>The last notification made for this payment (held when paid late), for delivery, duplicates and retries.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Notification { get; private set; }

    public bool NotificationHeld { get; private set; }

    /// <summary>The signed fields of the browser return.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ReturnFields { get; private set; } = [];

    /// <summary>Where the browser return goes (return, decline or cancel URL).</summary>
    public string ReturnUrl { get; private set; } = "";

    /// <summary>Records the buyer's choice once; false when the payment was already decided.</summary>
    public bool TryDecide(SandboxDecision decision)
    {
        lock (_gate)
        {
            if (Decision is not null)
                return false;
            Decision = decision;
            return true;
        }
    }

    public void SetReturn(string url, IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        lock (_gate)
            (ReturnUrl, ReturnFields) = (url, fields);
    }

    public void SetNotification(IReadOnlyList<KeyValuePair<string, string>> fields, bool held)
    {
        lock (_gate)
        {
            Notification = fields;
            NotificationHeld = held;
        }
    }

    public void MarkDelivered()
    {
        lock (_gate)
            NotificationHeld = false;
    }
}

/// <summary>The sandbox's pending payments, in memory (a restart forgets them, as a sandbox may).</summary>
public sealed class SandboxStore
{
    private const int Capacity = 10_000;
    private readonly ConcurrentDictionary<string, SandboxPayment> _payments = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public SandboxPayment Add(string code, SandboxRequest request)
    {
        var payment = new SandboxPayment(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)), code, request);
        _payments[payment.Id] = payment;
        _order.Enqueue(payment.Id);
        while (_order.Count > Capacity && _order.TryDequeue(out var oldest))
            _payments.TryRemove(oldest, out _);
        return payment;
    }

    public SandboxPayment? Find(string code, string id) =>
        _payments.TryGetValue(id, out var payment) && payment.Code == code ? payment : null;
}
