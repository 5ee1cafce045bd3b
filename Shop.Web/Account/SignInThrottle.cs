using Microsoft.Extensions.Caching.Memory;

namespace Shop.Web.Account;

/// <summary>One account name tried from one client: an address, or a known device of that account.</summary>
public readonly record struct SignInPair(string Account, string Client);

/// <summary>
/// Counts failed sign-ins per account AND client: <see cref="MaxFailures"/> failures from one client, each within
/// <see cref="LockTime"/> of the last, lock that client out of that account for <see cref="LockTime"/>. Other clients
/// keep trying, so nobody can lock the owner out with a few requests (the account-wide Identity lockout allowed that).
/// </summary>
/// <remarks>
/// Every account name is counted, existing or not, so a lock tells nothing about which accounts exist.
/// A lock is lifted when the account's security stamp changes (a password reset by <c>admin create</c>, even run as a
/// separate process): each count remembers the stamp it was taken under.
/// The counts live in this process's memory, bounded in size: they start afresh on a restart, and several instances
/// behind one address would each count on their own.
/// </remarks>
public sealed class SignInThrottle(TimeProvider clock) : IDisposable
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockTime = TimeSpan.FromMinutes(15);

    /// <summary>Beyond this many pairs tracked at once, the oldest unlocked ones are forgotten first.</summary>
    private const int MaxTrackedPairs = 100_000;

    private readonly MemoryCache _pairs = new(new MemoryCacheOptions { SizeLimit = MaxTrackedPairs });
    private readonly Lock _gate = new();

    private sealed class Count(string? stamp)
    {
        public string? Stamp { get; } = stamp;
        public int Failures { get; set; }
        public DateTimeOffset Until { get; set; }
    }

    /// <summary>
    /// Before the password is checked: false when <paramref name="pair"/> is locked out; otherwise counts the attempt as a
    /// failure in advance (so parallel guesses cannot outrun the count) and true. A success then calls <see cref="Succeeded"/>.
    /// </summary>
    /// <param name="credentialStamp">The account's security stamp now (null for an account that does not exist).</param>
    public bool TryBegin(SignInPair pair, string? credentialStamp)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (!_pairs.TryGetValue(pair, out Count? count) || count!.Until <= now || count.Stamp != credentialStamp)
                count = new Count(credentialStamp);
            else if (count.Failures >= MaxFailures)
                return false;
            count.Failures++;
            count.Until = now + LockTime;
            _pairs.Set(pair, count, new MemoryCacheEntryOptions
            {
                Size = 1,
                AbsoluteExpirationRelativeToNow = LockTime,
                Priority = count.Failures >= MaxFailures ? CacheItemPriority.High : CacheItemPriority.Normal,
            });
            return true;
        }
    }

    /// <summary>The password was right: this pair starts afresh.</summary>
    public void Succeeded(SignInPair pair)
    {
        lock (_gate)
            _pairs.Remove(pair);
    }

    public void Dispose() => _pairs.Dispose();
}
