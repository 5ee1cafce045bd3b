using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shop.PayModes.Core;
using Shop.Tests.Infrastructure;
using Shop.Tests.PayModes.Providers;
using Shop.Web.Checkout;
using Shop.Web.Data;
using Shop.Web.Hosting;

namespace Shop.Tests.Hosting;

/// <summary>A disk that reports what the test says.</summary>
public sealed class FakeDisk(long? freeBytes) : IFreeDiskSpace
{
    public long? FreeBytes { get; set; } = freeBytes;

    public int Asked { get; private set; }

    public long? AvailableBytes()
    {
        Asked++;
        return FreeBytes;
    }
}

/// <summary>The shop with the providers, on a disk with 40 MB left (the shipped guard keeps 500 MB free for orders, 50 MB for notifications).</summary>
public sealed class NearlyFullDiskShopFactory : ProviderShopFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IFreeDiskSpace>(new FakeDisk(40L * 1024 * 1024)));
    }
}

/// <summary>New writes are refused with a clear error before the disk is full: orders with 503, notifications with a 4xx and <c>Retry-After</c>.</summary>
public sealed class FreeDiskGuardTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static FreeDiskGuard Guard(FakeDisk disk, TimeProvider clock, int minimum = 500) =>
        new(disk, Options.Create(new StorageOptions { MinimumFreeMegabytes = minimum }), clock);

    [Fact]
    public void Below_the_minimum_writes_are_refused_with_the_reason_and_the_disk_is_asked_at_most_every_few_seconds()
    {
        var disk = new FakeDisk(499L * 1024 * 1024);
        var clock = new ManualClock();
        var guard = Guard(disk, clock);

        Assert.Equal("the shop's disk is nearly full (499 MB free, at least 500 MB are kept free)", guard.Refusal());
        var full = Assert.Throws<StorageFullException>(() => guard.ThrowIfFull());
        Assert.Equal(FreeDiskGuard.RetryAfter, full.RetryAfter);

        disk.FreeBytes = 2L * 1024 * 1024 * 1024;
        for (var i = 0; i < 100; i++)
            Assert.NotNull(guard.Refusal());
        Assert.Equal(1, disk.Asked);

        clock.Now += FreeDiskGuard.CheckEvery;
        Assert.Null(guard.Refusal());
        Assert.Equal(2, disk.Asked);
    }

    [Fact]
    public void Zero_turns_the_guard_off_and_an_unknown_free_space_refuses_nothing()
    {
        Assert.Null(Guard(new FakeDisk(0), new ManualClock(), minimum: 0).Refusal());
        Assert.Null(Guard(new FakeDisk(null), new ManualClock()).Refusal());
    }

    [Fact]
    public void The_real_probe_reads_the_free_space_of_a_folders_drive()
    {
        var free = new DriveFreeSpace([Path.GetTempPath()]).AvailableBytes();
        Assert.NotNull(free);
        Assert.True(free > 0);
    }

    [Fact]
    public void A_notification_that_may_pay_a_placed_order_is_taken_until_a_tenth_of_the_minimum_is_left()
    {
        var guard = Guard(new FakeDisk(100L * 1024 * 1024), new ManualClock());

        Assert.NotNull(guard.Refusal(StorageUse.NewOrder));
        Assert.Null(guard.Refusal(StorageUse.Notification));
        Assert.Equal("the shop's disk is nearly full (40 MB free, at least 50 MB are kept free)",
            Guard(new FakeDisk(40L * 1024 * 1024), new ManualClock()).Refusal(StorageUse.Notification));
    }

    [Fact]
    public async Task A_negative_minimum_stops_the_start_with_the_settings_name()
    {
        var builder = ShopHost.CreateBuilder(["--Shop:Storage:MinimumFreeMegabytes=-1", $"--Shop:DataDirectory={Path.GetTempPath()}"]);
        builder.AddShopServices();
        await using var app = builder.Build();

        var refusal = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Contains("Shop:Storage:MinimumFreeMegabytes must be 0 (no check) or more.", refusal.Message);
    }

    [Fact]
    public async Task On_a_nearly_full_disk_checkout_answers_503_notify_a_4xx_with_Retry_After_and_nothing_is_written()
    {
        await using var shop = new NearlyFullDiskShopFactory();
        var client = shop.NoRedirects();
        var bills = await shop.CountAsync<Bill>();
        var journaled = await shop.CountAsync<NotificationRecord>();

        var order = await client.PostAsJsonAsync("/api/checkout", ShopApiClient.Order("check", ("MUG-001", 1)));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, order.StatusCode);
        Assert.Equal("application/problem+json", order.Content.Headers.ContentType?.MediaType);
        Assert.Contains("storage is nearly full", await order.Content.ReadAsStringAsync());
        Assert.Equal("300", Assert.Single(order.Headers.GetValues("Retry-After")));

        var notify = await ProviderFlow.NotifyAsync(client, "systempay", "vads_amount=100&signature=abc");
        Assert.Equal(HttpStatusCode.TooManyRequests, notify.StatusCode);
        Assert.Equal("300", Assert.Single(notify.Headers.GetValues("Retry-After")));
        Assert.Contains("disk is nearly full", await notify.Content.ReadAsStringAsync());

        Assert.Equal(CheckoutGate.StorageFull, shop.Service<CheckoutGate>().InteractiveRefusal(null));
        Assert.Equal(bills, await shop.CountAsync<Bill>());
        Assert.Equal(journaled, await shop.CountAsync<NotificationRecord>());
    }
}
