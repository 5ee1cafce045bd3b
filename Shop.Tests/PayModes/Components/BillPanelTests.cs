using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.Check;
using Shop.PayModes.Core;
using Shop.PayModes.Transfer;
using Shop.Tests.Admin;
using Shop.Tests.Infrastructure;

namespace Shop.Tests.PayModes.Components;

/// <summary>The instructions a buyer of a deferred mode reads on the status page, with the seller's identity from the shop settings.</summary>
public sealed class BillPanelTests : MudTestContext
{
    private static readonly BillView PendingBill = new("R3f9XkQ2mW8pLz4nT6vB1a", BillState.Pending, 2998, 0, "EUR", "check",
        "Ada", "Lovelace", "ada@example.com", [], DateTime.UtcNow, DateTime.UtcNow, false, null, null);

    private static ShopSettings Shop(string? sellerName) => new("Demo Shop", "EUR", TestMode: false, TestOverride: false, PublicBaseUrl: null)
    {
        SellerName = sellerName,
        SellerAddress = "3 place du Marché\n69002 Lyon",
        SellerEmail = "orders@demo-shop.example",
        SellerRegistration = "FR 12 345678901",
    };

    private IRenderedComponent<DynamicComponent> RenderPanel<TPanel>(PayModeSettings settings, string? sellerName)
    {
        Services.AddSingleton<IShopSettings>(new FixedShopSettings(Shop(sellerName)));
        Interactive();
        return Render<DynamicComponent>(p => p
            .Add(c => c.Type, typeof(TPanel))
            .Add(c => c.Parameters, new Dictionary<string, object> { ["Bill"] = PendingBill, ["Settings"] = settings }));
    }

    [Fact]
    public void Cheque_instructions_give_amount_payee_reference_and_the_seller()
    {
        var cut = RenderPanel<CheckBillPanel>(new CheckSettings { PayableTo = "Demo Shop SARL", MailingAddress = "BP 12, 69001 Lyon" }, "Demo Shop SARL");

        Assert.Contains("29.98", cut.Find(".paymode-instructions").TextContent);
        Assert.Equal(PendingBill.Reference, cut.Find(".bill-reference").TextContent);
        Assert.Equal("Demo Shop SARL", cut.Find(".seller-name").TextContent);
        Assert.Equal("3 place du Marché\n69002 Lyon", cut.Find(".seller-address").TextContent);
        Assert.Contains("FR 12 345678901", cut.Find(".seller-registration").TextContent);
        Assert.Equal("mailto:orders@demo-shop.example", cut.Find("a.seller-email").GetAttribute("href"));
    }

    [Fact]
    public void Transfer_instructions_give_the_account_and_the_seller()
    {
        var cut = RenderPanel<TransferBillPanel>(new TransferSettings { AccountHolder = "Demo Shop SARL", Iban = "FR7630006000011234567890189", Bic = "AGRIFRPP", BankName = "Demo Bank" }, "Demo Shop SARL");

        Assert.Contains("FR76 3000 6000 0112 3456 7890 189", cut.Find(".iban").TextContent);
        Assert.Equal("Demo Shop SARL", cut.Find(".seller-name").TextContent);
    }

    [Fact]
    public void Without_a_seller_name_the_seller_block_is_left_out()
    {
        var cut = RenderPanel<CheckBillPanel>(new CheckSettings { PayableTo = "Demo Shop SARL", MailingAddress = "BP 12" }, sellerName: null);

        Assert.Empty(cut.FindAll(".seller-identity"));
        Assert.Single(cut.FindAll(".paymode-instructions"));
    }
}
