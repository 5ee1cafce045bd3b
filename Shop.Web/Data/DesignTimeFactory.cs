using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Shop.Web.Data;

/// <summary>Lets <c>dotnet ef</c> build the model without starting the shop.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ShopDbContext>
{
    public ShopDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ShopDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
