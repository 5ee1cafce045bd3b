using Bunit;
using Shop.PayModes.Check;
using Shop.PayModes.Core;
using Shop.PayModes.FreeOrder;
using Shop.PayModes.Test;
using Shop.PayModes.Transfer;
using Shop.Tests.Infrastructure;

namespace Shop.Tests.PayModes.Components;

public sealed class SelectorComponentTests : MudTestContext
{
    public SelectorComponentTests() => Interactive();

    private IRenderedComponent<Microsoft.AspNetCore.Components.DynamicComponent> RenderSelector(IPayMode mode, PayModeSettings settings, long total = 2998) =>
        Render<Microsoft.AspNetCore.Components.DynamicComponent>(p => p
            .Add(c => c.Type, mode.SelectorComponent)
            .Add(c => c.Parameters, new Dictionary<string, object> { ["Mode"] = mode, ["Settings"] = settings, ["Total"] = total, ["Currency"] = "EUR" }));

    [Fact]
    public void Check_selector_names_the_mode_and_the_payee()
    {
        var cut = RenderSelector(new CheckPayMode(), new CheckSettings { PayableTo = "Demo Shop SARL", MailingAddress = "1 rue" });
        Assert.Equal("check", cut.Find(".paymode-selector").GetAttribute("data-paymode"));
        Assert.Contains("Cheque", cut.Markup);
        Assert.Contains("Payable to Demo Shop SARL", cut.Markup);
    }

    [Fact]
    public void Transfer_selector_names_the_bank()
    {
        var cut = RenderSelector(new TransferPayMode(), new TransferSettings { BankName = "Demo Bank" });
        Assert.Contains("Bank transfer", cut.Markup);
        Assert.Contains("To our account at Demo Bank", cut.Markup);
    }

    [Fact]
    public void Free_order_selector_shows_the_zero_total()
    {
        var cut = RenderSelector(new FreeOrderPayMode(), new FreeOrderSettings(), total: 0);
        Assert.Contains("Free order", cut.Markup);
        Assert.Contains("Total: 0.00 EUR", cut.Markup);
    }

    [Fact]
    public void Test_selector_warns_it_is_for_test_mode_only()
    {
        var cut = RenderSelector(new TestPayMode(), new TestSettings());
        Assert.Contains("Test payment", cut.Markup);
        Assert.Contains("test mode only", cut.Markup);
    }
}
