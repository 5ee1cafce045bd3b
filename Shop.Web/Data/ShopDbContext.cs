using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Shop.PayModes.Core;

namespace Shop.Web.Data;

/// <summary>
/// The shop's one database: business tables, ASP.NET Core Identity (administrators) and the Data Protection
/// key ring, so every instance shares the keys that encrypt pay-mode secrets.
/// </summary>
public sealed class ShopDbContext(DbContextOptions<ShopDbContext> options)
    : IdentityDbContext<IdentityUser>(options), IDataProtectionKeyContext
{
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Bill> Bills => Set<Bill>();
    public DbSet<BillItem> BillItems => Set<BillItem>();
    public DbSet<PaymentAttempt> PaymentAttempts => Set<PaymentAttempt>();
    public DbSet<NotificationRecord> Notifications => Set<NotificationRecord>();
    public DbSet<BillTrace> BillTraces => Set<BillTrace>();
    public DbSet<ProcessedNotification> ProcessedNotifications => Set<ProcessedNotification>();
    public DbSet<FulfilmentRecord> FulfilmentRecords => Set<FulfilmentRecord>();
    public DbSet<PayModeSettingRow> PayModeSettings => Set<PayModeSettingRow>();
    public DbSet<BillTransitionRow> BillTransitions => Set<BillTransitionRow>();
    public DbSet<Sequence> Sequences => Set<Sequence>();
    public DbSet<ShopSettingRow> ShopSettings => Set<ShopSettingRow>();

    /// <summary>Every bill has an order number: one inserted without (any path but the checkout's) gets the next in the
    /// same transaction as its insert.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var unnumbered = UnnumberedBills();
        if (unnumbered.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await using var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        foreach (var bill in unnumbered)
            bill.Number = await global::Shop.Web.Bills.BillNumbers.AllocateAsync(this, bill.CreatedAt, cancellationToken);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (own is not null)
            await own.CommitAsync(cancellationToken);
        return saved;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (UnnumberedBills().Count == 0)
            return base.SaveChanges(acceptAllChangesOnSuccess);
        return SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();
    }

    private List<Bill> UnnumberedBills() =>
        [.. ChangeTracker.Entries<Bill>().Where(e => e.State == EntityState.Added && e.Entity.Number.Length == 0).Select(e => e.Entity)];
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        conventions.Properties<BillState>().HaveConversion<BillStateConverter>().HaveMaxLength(16);
        conventions.Properties<NotificationVerdict>().HaveConversion<string>().HaveMaxLength(24);
        conventions.Properties<FulfilmentPhase>().HaveConversion<string>().HaveMaxLength(16);
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<Product>(e =>
        {
            e.HasIndex(p => p.Sku).IsUnique();
            e.Property(p => p.Sku).HasMaxLength(64);
            e.Property(p => p.Currency).HasMaxLength(3);
        });
        model.Entity<Customer>().HasIndex(c => c.Email);
        model.Entity<Bill>(e =>
        {
            e.HasIndex(b => b.Reference).IsUnique();
            e.HasIndex(b => new { b.State, b.CreatedAt });
            e.Property(b => b.Reference).HasMaxLength(32);
            e.HasIndex(b => b.Number).IsUnique();
            e.Property(b => b.Number).HasMaxLength(16);
            e.HasIndex(b => b.PaymentReference);
            e.Property(b => b.PaymentReference).HasMaxLength(25);
            e.Property(b => b.PayMode).HasMaxLength(32);
            e.HasMany(b => b.Items).WithOne().HasForeignKey(i => i.BillId);
            e.HasMany(b => b.Attempts).WithOne(a => a.Bill).HasForeignKey(a => a.BillId);
        });
        model.Entity<BillItem>().HasIndex(i => new { i.BillId, i.LineNo }).IsUnique();
        model.Entity<PaymentAttempt>(e =>
        {
            e.HasIndex(a => a.Reference).IsUnique();
            e.HasIndex(a => new { a.PayMode, a.ProviderReference }).IsUnique();
        });
        model.Entity<NotificationRecord>(e =>
        {
            e.HasIndex(n => n.BillReference);
            e.HasIndex(n => n.ReceivedAt);
            // Start-up finds the rows a stop left unjudged, and retention the old rejected ones, by verdict.
            e.HasIndex(n => new { n.Verdict, n.ReceivedAt });
            e.Property(n => n.BodySha256).HasMaxLength(64);
        });
        model.Entity<BillTrace>(e =>
        {
            e.HasIndex(t => new { t.BillId, t.Id });
            e.HasIndex(t => t.At);
        });
        model.Entity<ProcessedNotification>().HasIndex(p => new { p.PayMode, p.IdempotencyKey }).IsUnique();
        model.Entity<FulfilmentRecord>().HasIndex(f => new { f.BillId, f.LineNo, f.Phase }).IsUnique();
        model.Entity<PayModeSettingRow>().HasKey(p => p.Code);
        model.Entity<Sequence>().HasKey(s => s.Name);
        model.Entity<ShopSettingRow>(e =>
        {
            e.HasKey(s => s.Key);
            e.Property(s => s.Key).HasMaxLength(64);
        });
        model.Entity<BillTransitionRow>(e =>
        {
            e.HasKey(t => new { t.FromState, t.ToState });
            e.HasData(BillStateMachine.DefaultEdges.Select(edge => new BillTransitionRow { FromState = edge.From, ToState = edge.To }));
        });
    }
}

/// <summary>States are stored by their upper-case names, as admins and the JSON API know them.</summary>
public sealed class BillStateConverter() : ValueConverter<BillState, string>(state => state.ToWire(), wire => BillStates.Parse(wire));
