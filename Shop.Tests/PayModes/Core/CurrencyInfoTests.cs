using Shop.PayModes.Core;

namespace Shop.Tests.PayModes.Core;

public class CurrencyInfoTests
{
    [Theory]
    [InlineData("EUR", "978", 2)]
    [InlineData("USD", "840", 2)]
    [InlineData("GBP", "826", 2)]
    [InlineData("CHF", "756", 2)]
    [InlineData("JPY", "392", 0)]
    [InlineData("CAD", "124", 2)]
    [InlineData("AUD", "036", 2)]
    [InlineData("SEK", "752", 2)]
    [InlineData("DKK", "208", 2)]
    [InlineData("NOK", "578", 2)]
    [InlineData("PLN", "985", 2)]
    [InlineData("CZK", "203", 2)]
    public void Alpha_code_maps_to_numeric_code_and_minor_digits(string alpha, string numeric, int digits)
    {
        Assert.Equal(new CurrencyInfo(alpha, numeric, digits), CurrencyInfo.FromAlpha(alpha));
        Assert.True(CurrencyInfo.TryFromNumeric(numeric, out var byNumeric));
        Assert.Equal(alpha, byNumeric.Alpha);
    }

    [Fact]
    public void Unknown_currency_is_rejected()
    {
        Assert.False(CurrencyInfo.TryFromAlpha("XYZ", out _));
        Assert.Throws<ArgumentException>(() => CurrencyInfo.FromAlpha("XYZ"));
    }
}
