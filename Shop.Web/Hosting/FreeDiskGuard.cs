using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Shop.PayModes.Core;

namespace Shop.Web.Hosting;

/// <summary>The <c>Shop:Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    /// <summary>
    /// New orders and notifications are refused while the database's disk has less free space than this (0: never).
    /// 500 MB leaves room for SQLite's write-ahead log and checkpoints, a day of logs and an archive run, so the shop
    /// stops taking new writes cleanly instead of failing half-way through one.
    /// </summary>
    [Range(0, int.MaxValue, ErrorMessage = "Shop:Storage:MinimumFreeMegabytes must be 0 (no check) or more.")]
    public int MinimumFreeMegabytes { get; set; } = 500;
}

/// <summary>Free bytes where the shop writes; null when it cannot be told (then nothing is refused).</summary>
public interface IFreeDiskSpace
{
    long? AvailableBytes();
}

/// <summary>The free space of the drives holding the given folders (the smallest of them).</summary>
public sealed class DriveFreeSpace(IReadOnlyList<string> folders) : IFreeDiskSpace
{
    public long? AvailableBytes()
    {
        long? least = null;
        foreach (var folder in folders)
        {
            try
            {
                var free = new DriveInfo(folder).AvailableFreeSpace;
                least = least is null ? free : Math.Min(least.Value, free);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
            {
                // Unknown is not full: the write itself will say if the disk is.
            }
        }
        return least;
    }
}

/// <summary>What a write is for (<see cref="FreeDiskGuard"/>).</summary>
public enum StorageUse { NewOrder, Notification }

/// <summary>
/// Refuses new writes (orders, journaled notifications) before the disk is full, with a clear reason, instead of letting
/// SQLite fail in the middle of one. The free space is asked at most every few seconds: a flood costs no system calls.
/// </summary>
public sealed class FreeDiskGuard(IFreeDiskSpace disk, IOptions<StorageOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(5);

    /// <summary>What a refused client is told to wait: freeing space usually takes an operator.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(5);

    private const long Megabyte = 1024 * 1024;
    private readonly Lock _lock = new();
    private (DateTimeOffset At, long? Bytes)? _last;

    /// <summary>
    /// A notification may pay for an order already placed, and is a few kilobytes: it is taken until the free space falls to
    /// this share of the minimum, where new orders stop at the minimum itself.
    /// </summary>
    public const int NotificationShareOfMinimum = 10;

    /// <summary>Null while new writes for <paramref name="use"/> may go ahead; otherwise why not, in words for a person.</summary>
    public string? Refusal(StorageUse use = StorageUse.NewOrder)
    {
        var minimum = options.Value.MinimumFreeMegabytes;
        if (minimum > 0 && use == StorageUse.Notification)
            minimum = Math.Max(1, minimum / NotificationShareOfMinimum);
        if (minimum == 0 || FreeBytes() is not { } free || free >= minimum * Megabyte)
            return null;
        return $"the shop's disk is nearly full ({free / Megabyte} MB free, at least {minimum} MB are kept free)";
    }

    /// <exception cref="StorageFullException">When <see cref="Refusal"/> says no.</exception>
    public void ThrowIfFull(StorageUse use = StorageUse.NewOrder)
    {
        if (Refusal(use) is { } refusal)
            throw new StorageFullException(refusal, RetryAfter);
    }

    private long? FreeBytes()
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            if (_last is { } last && now - last.At < CheckEvery)
                return last.Bytes;
            var bytes = disk.AvailableBytes();
            _last = (now, bytes);
            return bytes;
        }
    }
}
