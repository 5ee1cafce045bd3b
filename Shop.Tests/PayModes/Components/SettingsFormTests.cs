using Bunit;
using Microsoft.AspNetCore.Components;
using Shop.PayModes.Check;
using Shop.PayModes.Core;
using Shop.PayModes.FreeOrder;
using Shop.PayModes.Test;
using Shop.PayModes.Transfer;
using Shop.Tests.Infrastructure;

namespace Shop.Tests.PayModes.Components;

public sealed class SettingsFormTests : MudTestContext
{
    private PayModeSettings? _saved;

    public SettingsFormTests() => Interactive();

    private IRenderedComponent<DynamicComponent> RenderForm<TForm>(object settings) where TForm : IComponent =>
        Render<DynamicComponent>(p => p
            .Add(c => c.Type, typeof(TForm))
            .Add(c => c.Parameters, new Dictionary<string, object>
            {
                ["Settings"] = settings,
                ["OnValidSubmit"] = EventCallback.Factory.Create<PayModeSettings>(this, s => _saved = s),
            }));


    private static IReadOnlyList<string> ErrorsOf<T>(IRenderedComponent<T> cut) where T : IComponent =>
        [.. cut.FindAll(".settings-errors li").Select(li => li.TextContent.Trim())];

    [Fact]
    public void Check_form_refuses_empty_payee_and_address()
    {
        var cut = RenderForm<CheckSettingsForm>(new CheckSettings());
        cut.Find("form").Submit();
        Assert.Contains("Say to whom cheques are payable.", ErrorsOf(cut));
        Assert.Contains("Give the address cheques are mailed to.", ErrorsOf(cut));
        Assert.Null(_saved);
    }

    [Fact]
    public void Check_form_submits_valid_settings()
    {
        var settings = new CheckSettings { PayableTo = "Demo Shop", MailingAddress = "1 rue de la Paix" };
        var cut = RenderForm<CheckSettingsForm>(settings);
        Assert.NotNull(cut.Find(".field-payable-to"));
        cut.Find("form").Submit();
        Assert.Empty(ErrorsOf(cut));
        Assert.Same(settings, _saved);
    }

    [Fact]
    public void Transfer_form_refuses_a_wrong_iban_and_bic()
    {
        var cut = RenderForm<TransferSettingsForm>(new TransferSettings { AccountHolder = "Shop", Iban = "FR76 3000 6000 0112 3456 7890 188", Bic = "NOPE", BankName = "Bank" });
        cut.Find("form").Submit();
        Assert.Contains("This is not a valid IBAN (check the digits).", ErrorsOf(cut));
        Assert.Contains("A BIC has 8 or 11 characters, e.g. BNPAFRPPXXX.", ErrorsOf(cut));
        Assert.Null(_saved);
    }

    [Fact]
    public void Transfer_form_submits_valid_bank_details()
    {
        var cut = RenderForm<TransferSettingsForm>(new TransferSettings { AccountHolder = "Shop", Iban = "FR76 3000 6000 0112 3456 7890 189", Bic = "AGRIFRPPXXX", BankName = "Bank" });
        Assert.NotNull(cut.Find(".field-iban"));
        cut.Find("form").Submit();
        Assert.NotNull(_saved);
    }

    [Fact]
    public void Free_order_form_checks_the_shared_order_rules()
    {
        var cut = RenderForm<FreeOrderSettingsForm>(new FreeOrderSettings { MinimumAmount = 5000, MaximumAmount = 100 });
        cut.Find("form").Submit();
        Assert.Contains("The minimum amount is above the maximum.", ErrorsOf(cut));
        Assert.Null(_saved);
    }

    [Fact]
    public void Test_form_refuses_badly_written_currencies_and_accepts_a_list()
    {
        var settings = new TestSettings { AllowedCurrencies = "euro" };
        var cut = RenderForm<TestSettingsForm>(settings);
        cut.Find("form").Submit();
        Assert.Contains("Give ISO codes separated by commas, e.g. EUR, CHF.", ErrorsOf(cut));
        Assert.Null(_saved);

        settings.AllowedCurrencies = "EUR, CHF";
        cut.Find("form").Submit();
        Assert.Same(settings, _saved);
    }
}
