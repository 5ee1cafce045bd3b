using Bunit;
using Microsoft.EntityFrameworkCore;
using Shop.Tests.Admin;
using Shop.Web.Checkout;
using Shop.Web.Data;
using ProductsPage = Shop.Web.Components.Admin.ProductsPage;

namespace Shop.Tests.Catalogue;

/// <summary>The catalogue page (<c>/admin/products</c>) on the real stores: create, edit, deactivate, and readable errors.</summary>
public sealed class ProductsPageTests : AdminComponentContext
{
    public ProductsPageTests()
    {
        using var db = NewDb();
        db.Products.Add(new Product { Sku = "MUG-001", Name = "Enamel camping mug", Price = 1499, Currency = "EUR" });
        db.SaveChanges();
    }

    private IRenderedComponent<ProductsPage> RenderPage()
    {
        Ready();
        var cut = Render<ProductsPage>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("tr.product-row")));
        return cut;
    }

    private Product Row(string sku)
    {
        using var db = NewDb();
        return db.Products.AsNoTracking().Single(p => p.Sku == sku);
    }

    private IReadOnlyList<CatalogProduct> OnSale() => new ProductCatalog(Dbs).ActiveAsync().Result;

    [Fact]
    public void Creating_a_product_stores_its_price_in_minor_units_and_lists_it()
    {
        var cut = RenderPage();
        cut.Find("#new-product").Click();
        cut.Find(".field-sku input").Change("LAMP-010");
        cut.Find(".field-name input").Change("Desk lamp");
        cut.Find(".field-description textarea").Change("Brass, 40 cm.");
        cut.Find(".field-price input").Change("49.90");
        cut.Find(".field-shipped input").Change(true);
        cut.Find("#save-product").Click();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("tr.product-row").Count));
        var row = Row("LAMP-010");
        Assert.Equal(("Desk lamp", "Brass, 40 cm.", 4990L, "EUR", true, true), (row.Name, row.Description, row.Price, row.Currency, row.Active, row.Shipped));
        Assert.Contains("49.90 EUR", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll(".product-form"));
        Assert.Contains(OnSale(), p => p.Sku == "LAMP-010" && p.Price == 4990 && p.Shipped);
    }

    [Fact]
    public void A_bad_price_or_a_taken_SKU_is_shown_on_its_field_and_nothing_is_saved()
    {
        var cut = RenderPage();
        cut.Find("#new-product").Click();
        cut.Find(".field-sku input").Change("MUG-001");
        cut.Find(".field-name input").Change("Another mug");
        cut.Find(".field-price input").Change("12.345");
        cut.Find("#save-product").Click();
        cut.WaitForAssertion(() => Assert.Contains("EUR has 2 decimals at most", cut.Find(".field-price").TextContent));

        cut.Find(".field-price input").Change("12.50");
        cut.Find("#save-product").Click();
        cut.WaitForAssertion(() => Assert.Contains("There is already a product with SKU 'MUG-001'", cut.Find(".field-sku").TextContent));
        Assert.Equal(1499, Row("MUG-001").Price);
        Assert.Single(cut.FindAll("tr.product-row"));
    }

    [Fact]
    public void Editing_changes_the_price_at_once_and_deactivating_takes_it_off_sale()
    {
        var cut = RenderPage();
        cut.Find(".edit-product[data-sku='MUG-001']").Click();
        Assert.Equal("14.99", cut.Find(".field-price input").GetAttribute("value"));
        Assert.True(cut.Find(".field-sku input").HasAttribute("disabled"));
        cut.Find(".field-price input").Change("16.50");
        cut.Find("#save-product").Click();
        cut.WaitForAssertion(() => Assert.Contains("16.50 EUR", cut.Find("tr.product-row").TextContent));
        Assert.Equal(1650, Assert.Single(OnSale()).Price);

        cut.Find(".edit-product[data-sku='MUG-001']").Click();
        cut.Find(".field-active input").Change(false);
        cut.Find("#save-product").Click();
        cut.WaitForAssertion(() => Assert.Contains("Hidden", cut.Find("tr.product-row").TextContent));
        Assert.False(Row("MUG-001").Active);
        Assert.Empty(OnSale());
    }
}
