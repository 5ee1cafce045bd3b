using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.Check;
using Shop.PayModes.Core;
using Shop.PayModes.Transfer;
using Shop.Tests.Admin;
using Shop.Tests.Infrastructure;

namespace Shop.Tests.PayModes.Components;

/// <summary>A deferred bill's instructions quote its ISO 11649 payment reference, grouped by four, never the status URL's secret.</summary>
public sealed class PaymentReferencePanelTests : MudTestContext
{
    private static readonly BillView Bill = new("R3f9XkQ2mW8pLz4nT6vB1a", BillState.Pending, 2998, 0, "EUR", "check",
        "Ada", "Lovelace", "ada@example.com", [], DateTime.UtcNow, DateTime.UtcNow, false, null, null)
    {
        Number = "2026-000123",
        PaymentReference = "RF462026000123",
    };

    private IRenderedComponent<DynamicComponent> RenderPanel<TPanel>(PayModeSettings settings)
    {
        Services.AddSingleton<IShopSettings>(new FixedShopSettings(new ShopSettings("Demo Shop", "EUR", TestMode: false, TestOverride: false, PublicBaseUrl: null)));
        Interactive();
        return Render<DynamicComponent>(p => p
            .Add(c => c.Type, typeof(TPanel))
            .Add(c => c.Parameters, new Dictionary<string, object> { ["Bill"] = Bill, ["Settings"] = settings }));
    }

    [Fact]
    public void The_cheque_instructions_quote_the_RF_reference_and_the_order_number()
    {
        var cut = RenderPanel<CheckBillPanel>(new CheckSettings { PayableTo = "Demo Shop SARL", MailingAddress = "BP 12, 69001 Lyon" });

        Assert.Equal("RF46 2026 0001 23", cut.Find(".payment-reference").TextContent);
        Assert.Equal("2026-000123", cut.Find(".bill-number").TextContent);
        Assert.DoesNotContain(Bill.Reference, cut.Find(".paymode-instructions").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_transfer_instructions_quote_the_RF_reference()
    {
        var cut = RenderPanel<TransferBillPanel>(new TransferSettings { AccountHolder = "Demo Shop SARL", Iban = "FR7630006000011234567890189", Bic = "AGRIFRPP", BankName = "Demo Bank" });

        Assert.Equal("RF46 2026 0001 23", cut.Find(".payment-reference").TextContent);
        Assert.Contains("structured", cut.Find(".paymode-instructions").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Bill.Reference, cut.Find(".paymode-instructions").TextContent, StringComparison.Ordinal);
    }
}
