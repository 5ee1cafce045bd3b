using Shop.PayModes.Check;
using Shop.PayModes.Core;
using Shop.PayModes.FreeOrder;
using Shop.PayModes.Test;
using Shop.PayModes.Transfer;

namespace Shop.Tests.PayModes.Core;

public sealed class PayModeAvailabilityTests
{
    private sealed class FakeStore(Dictionary<string, PayModeConfig> configs) : IPayModeSettingsStore
    {
        public Task<IReadOnlyList<PayModeConfig>> GetAllAsync(CancellationToken ct = default) =>
            Task.FromResult<IReadOnlyList<PayModeConfig>>([.. configs.Values.OrderBy(c => c.SortOrder)]);

        public Task<PayModeConfig> GetAsync(string code, CancellationToken ct = default) => Task.FromResult(configs[code]);

        public Task SaveAsync(PayModeConfig config, CancellationToken ct = default)
        {
            configs[config.Code] = config;
            return Task.CompletedTask;
        }
    }

    private sealed class FakeShop(ShopSettings settings) : IShopSettings
    {
        public ShopSettings Current { get; set; } = settings;
    }

    private readonly FakeStore _store;
    private readonly FakeShop _shop = new(new ShopSettings("Shop", "EUR", TestMode: true, TestOverride: false, PublicBaseUrl: null));
    private readonly PayModeOffers _offers;

    public PayModeAvailabilityTests()
    {
        var registry = new PayModeRegistry([new TestPayMode(), new FreeOrderPayMode(), new CheckPayMode(), new TransferPayMode()]);
        _store = new FakeStore(new()
        {
            ["test"] = new("test", true, 0, false, new TestSettings()),
            ["freeorder"] = new("freeorder", true, 1, false, new FreeOrderSettings()),
            ["check"] = new("check", true, 2, false, new CheckSettings { PayableTo = "Shop", MailingAddress = "1 rue" }),
            ["transfer"] = new("transfer", true, 3, true, new TransferSettings { AccountHolder = "Shop", Iban = "FR7630006000011234567890189", Bic = "AGRIFRPPXXX", BankName = "Bank" }),
        });
        _offers = new PayModeOffers(registry, _store, _shop);
    }

    private async Task<string[]> OfferedAsync(long total, bool admin = false, string currency = "EUR") =>
        [.. (await _offers.OfferedAsync(_offers.ContextFor(total, currency, admin))).Select(o => o.Mode.Code)];

    [Fact]
    public async Task A_zero_total_offers_only_the_free_order() => Assert.Equal(["freeorder"], await OfferedAsync(0));

    [Fact]
    public async Task A_paid_total_never_offers_the_free_order() => Assert.DoesNotContain("freeorder", await OfferedAsync(1));

    [Fact]
    public async Task The_test_mode_is_for_admins_only_by_default()
    {
        Assert.Equal(["check", "transfer"], await OfferedAsync(1999));
        Assert.Equal(["test", "check", "transfer"], await OfferedAsync(1999, admin: true));
    }

    [Fact]
    public async Task The_test_override_opens_the_test_mode_to_buyers()
    {
        _shop.Current = _shop.Current with { TestOverride = true };
        Assert.Contains("test", await OfferedAsync(1999));
    }

    [Fact]
    public async Task Outside_test_mode_nobody_gets_the_test_mode_not_even_an_admin()
    {
        _shop.Current = _shop.Current with { TestMode = false, TestOverride = true };
        Assert.DoesNotContain("test", await OfferedAsync(1999, admin: true));
        var availability = await _offers.CheckAsync("test", _offers.ContextFor(1999, "EUR", buyerIsAdmin: true));
        Assert.False(availability.Offered);
        Assert.Contains("test mode", availability.Reason);
    }

    [Fact]
    public async Task A_disabled_mode_is_not_offered()
    {
        await _store.SaveAsync((await _store.GetAsync("check")) with { Enabled = false });
        Assert.Equal(["transfer"], await OfferedAsync(1999));
    }

    [Fact]
    public async Task A_mode_with_invalid_settings_is_not_offered()
    {
        await _store.SaveAsync((await _store.GetAsync("transfer")) with { Settings = new TransferSettings { AccountHolder = "Shop", Iban = "FR00 BAD", Bic = "X", BankName = "B" } });
        Assert.Equal(["check"], await OfferedAsync(1999));
        Assert.Equal("Bank transfer is not configured.", (await _offers.CheckAsync("transfer", _offers.ContextFor(1999, "EUR", false))).Reason);
    }

    [Fact]
    public async Task Minimum_maximum_and_currency_rules_apply_per_mode()
    {
        var check = (CheckSettings)(await _store.GetAsync("check")).Settings;
        check.MinimumAmount = 1000;
        check.MaximumAmount = 50000;
        check.AllowedCurrencies = "EUR, CHF";
        Assert.DoesNotContain("check", await OfferedAsync(999));
        Assert.Contains("check", await OfferedAsync(1000));
        Assert.DoesNotContain("check", await OfferedAsync(50001));
        Assert.DoesNotContain("check", await OfferedAsync(2000, currency: "USD"));
    }

    [Fact]
    public async Task An_unknown_code_is_refused_with_a_reason()
    {
        var availability = await _offers.CheckAsync("bitcoin", _offers.ContextFor(1999, "EUR", false));
        Assert.False(availability.Offered);
        Assert.Contains("bitcoin", availability.Reason);
    }

    [Fact]
    public async Task The_default_mode_is_preselected_when_offered_else_the_only_mode_else_none()
    {
        var offered = await _offers.OfferedAsync(_offers.ContextFor(1999, "EUR", false));
        Assert.Equal("transfer", PayModeOffers.PreselectedOf(offered)!.Mode.Code);
        var free = await _offers.OfferedAsync(_offers.ContextFor(0, "EUR", false));
        Assert.Equal("freeorder", PayModeOffers.PreselectedOf(free)!.Mode.Code);

        await _store.SaveAsync((await _store.GetAsync("transfer")) with { IsDefault = false });
        var noDefault = await _offers.OfferedAsync(_offers.ContextFor(1999, "EUR", false));
        Assert.True(noDefault.Count > 1);
        Assert.Null(PayModeOffers.PreselectedOf(noDefault));
    }

    [Theory]
    [InlineData("FR76 3000 6000 0112 3456 7890 189", true)]
    [InlineData("DE89370400440532013000", true)]
    [InlineData("GB82WEST12345698765432", true)]
    [InlineData("FR76 3000 6000 0112 3456 7890 188", false)]
    [InlineData("XX", false)]
    public void Iban_check_digits_are_verified(string iban, bool valid) => Assert.Equal(valid, IbanAttribute.Check(iban));

    [Fact]
    public void Registering_two_modes_with_one_code_is_an_error() =>
        Assert.Throws<InvalidOperationException>(() => new PayModeRegistry([new CheckPayMode(), new CheckPayMode()]));
}
