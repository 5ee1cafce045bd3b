using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.Core;
using Shop.Tests.Infrastructure;
using Shop.Web.Data;

namespace Shop.Tests.Conformance;

/// <summary>The plain test shop (every registered mode, the probe included), with the few things the conformance tests share.</summary>
public sealed partial class ConformanceShop : ShopFactory
{
    public IPayMode Mode(string code) => Service<PayModeRegistry>().Find(code) ?? throw new ArgumentException($"no pay mode '{code}'");

    /// <summary>A bill of this mode written straight to the database (whether or not the mode is offered now), in the given state.</summary>
    public async Task<string> AddBillAsync(string code, BillState state = BillState.Placed)
    {
        var reference = NewReference();
        await InScopeAsync(async sp =>
        {
            await using var db = await sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<ShopDbContext>>().CreateDbContextAsync();
            var now = DateTime.UtcNow;
            db.Bills.Add(new Bill
            {
                Reference = reference, PayMode = code, State = state, Currency = "EUR", Total = 2998, CreatedAt = now, UpdatedAt = now,
                Customer = new Customer { FirstName = "Ada", LastName = "Lovelace", Email = "ada@example.com", Address = "12 rue de la Paix", Zip = "75002", City = "Paris", Country = "FR", CreatedAt = now },
                Items = [new BillItem { LineNo = 1, Sku = "MUG-001", Name = "Mug", UnitPrice = 2998, Quantity = 1, LineTotal = 2998 }],
            });
            return await db.SaveChangesAsync();
        });
        return reference;
    }

    /// <summary>A reference like the shop's own: 22 URL-safe characters.</summary>
    public static string NewReference() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', 'x').Replace('/', 'y');

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex RouteParameter();

    /// <summary>The path of a route pattern with every parameter given the same value.</summary>
    public static string Fill(RouteEndpoint endpoint, string value) =>
        RouteParameter().Replace(endpoint.RoutePattern.RawText!, Uri.EscapeDataString(value));
}
