using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Shop.Web.Bills;
using Shop.Web.Data;

namespace Shop.Tests.BillNumbering;

/// <summary>A shop upgraded to order numbers: its bills are numbered in the order they were placed, per year, and the next one continues.</summary>
public sealed class BillNumberMigrationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("shop-migrate-").FullName;

    private ShopDbContext NewDb() =>
        new(new DbContextOptionsBuilder<ShopDbContext>().UseSqlite($"Data Source={Path.Combine(_dir, "shop.db")};Pooling=False").Options);

    [Fact]
    public async Task Existing_bills_are_numbered_in_order_of_creation_per_year_and_new_ones_follow()
    {
        await using (var db = NewDb())
        {
            await db.GetService<IMigrator>().MigrateAsync("20261202075114_JournalBoundsHeadersRetention");
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO Customers (FirstName, LastName, Email, Address, Zip, City, Country, CreatedAt)
                VALUES ('Ada', 'Lovelace', 'ada@example.com', '1 rue', '75001', 'Paris', 'FR', '2025-12-31 10:00:00');
                INSERT INTO Bills (Reference, CustomerId, Total, PaidAmount, Currency, State, PayMode, CreatedAt, UpdatedAt, Flagged) VALUES
                    ('OLD-A', 1, 100, 0, 'EUR', 'COMPLETE', 'check', '2025-12-30 09:00:00', '2025-12-30 09:00:00', 0),
                    ('OLD-B', 1, 100, 0, 'EUR', 'PENDING', 'transfer', '2025-12-31 23:59:59.5', '2025-12-31 23:59:59.5', 0),
                    ('OLD-C', 1, 100, 0, 'EUR', 'PENDING', 'check', '2026-01-01 00:00:01', '2026-01-01 00:00:01', 0),
                    ('OLD-D', 1, 100, 0, 'EUR', 'PLACED', 'test', '2026-03-04 12:00:00.1234567', '2026-03-04 12:00:00.1234567', 0);
                """);
        }

        await using (var db = NewDb())
        {
            await db.Database.MigrateAsync();
            var numbers = await db.Bills.OrderBy(b => b.Id).Select(b => new { b.Reference, b.Number, b.PaymentReference }).ToListAsync();
            Assert.Equal(["2025-000001", "2025-000002", "2026-000001", "2026-000002"], numbers.Select(n => n.Number));
            // Their buyers were told the bill's reference: no payment reference is invented for them afterwards.
            Assert.All(numbers, n => Assert.Null(n.PaymentReference));

            await using var tx = await db.Database.BeginTransactionAsync();
            Assert.Equal("2026-000003", await BillNumbers.AllocateAsync(db, new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc)));
            Assert.Equal("2025-000003", await BillNumbers.AllocateAsync(db, new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc)));
            Assert.Equal("2027-000001", await BillNumbers.AllocateAsync(db, new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
        }
    }

    [Fact]
    public async Task A_number_taken_by_a_rolled_back_insert_is_given_again()
    {
        await using var db = NewDb();
        await db.Database.MigrateAsync();
        var year = new DateTime(2026, 5, 5, 0, 0, 0, DateTimeKind.Utc);
        await using (var abandoned = await db.Database.BeginTransactionAsync())
        {
            Assert.Equal("2026-000001", await BillNumbers.AllocateAsync(db, year));
            await abandoned.RollbackAsync();
        }
        await using var kept = await db.Database.BeginTransactionAsync();
        Assert.Equal("2026-000001", await BillNumbers.AllocateAsync(db, year));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { /* the file may be held for a moment */ }
    }
}
