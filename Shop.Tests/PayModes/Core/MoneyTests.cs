using System.Reflection;
using Shop.PayModes.Core;

namespace Shop.Tests.PayModes.Core;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("19.99", "EUR", 1999)]
    [InlineData("0.1", "EUR", 10)]
    [InlineData("0.29", "EUR", 29)]
    [InlineData("1000000.01", "EUR", 100000001)]
    [InlineData("0", "EUR", 0)]
    [InlineData("500", "JPY", 500)]
    public void Decimal_amounts_become_exact_minor_units(string amount, string currency, long minor) =>
        Assert.Equal(minor, Money.ToMinor(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency));

    [Fact]
    public void Nineteen_ninety_nine_times_a_hundred_is_1999_even_where_binary_floating_point_is_not() =>
        Assert.Equal(1999, Money.ToMinor(19.99m, "EUR"));   // 19.99d * 100 is 1998.9999999999998: money is never a double

    [Fact]
    public void More_decimals_than_the_currency_allows_is_an_error()
    {
        Assert.Throws<ArgumentException>(() => Money.ToMinor(19.999m, "EUR"));
        Assert.Throws<ArgumentException>(() => Money.ToMinor(5.5m, "JPY"));
    }

    [Theory]
    [InlineData("15", 1500)]
    [InlineData("15.1", 1510)]
    [InlineData("15.12", 1512)]
    [InlineData("0.01", 1)]
    public void Provider_decimal_strings_parse_to_minor_units(string text, long minor) => Assert.Equal(minor, Money.TryParseMinor(text, "EUR"));

    [Theory]
    [InlineData("15.123")]
    [InlineData("-1")]
    [InlineData("1e3")]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData(null)]
    [InlineData("92233720368547758.08")]
    [InlineData("79228162514264337593543950335")]
    public void Bad_provider_amounts_do_not_parse(string? text) => Assert.Null(Money.TryParseMinor(text, "EUR"));

    [Theory]
    [InlineData(0, "EUR", "0.00")]
    [InlineData(1, "EUR", "0.01")]
    [InlineData(1999, "EUR", "19.99")]
    [InlineData(100000001, "EUR", "1000000.01")]
    [InlineData(500, "JPY", "500")]
    public void Minor_units_format_as_provider_decimal_strings(long minor, string currency, string text) =>
        Assert.Equal(text, Money.ToDecimalString(minor, currency));

    [Fact]
    public void People_see_amounts_with_their_currency() => Assert.Equal("1,234.50 EUR", Money.Format(123450, "EUR"));

    [Fact]
    public void No_floating_point_type_holds_data_in_the_shop_or_its_pay_modes()
    {
        Assembly[] assemblies = [typeof(Money).Assembly, typeof(Shop.Web.Data.Bill).Assembly];
        var offenders = assemblies.SelectMany(a => a.GetTypes())
            .Where(t => t.Namespace?.StartsWith("Shop", StringComparison.Ordinal) == true)
            .SelectMany(t => t.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Select(f => (Owner: t, Name: f.Name, Type: f.FieldType))
                .Concat(t.GetProperties(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                    .Select(p => (Owner: t, Name: p.Name, Type: p.PropertyType))))
            .Where(m => (Nullable.GetUnderlyingType(m.Type) ?? m.Type) is var type && (type == typeof(double) || type == typeof(float)))
            .Select(m => $"{m.Owner.FullName}.{m.Name}")
            .ToList();
        Assert.Empty(offenders);
    }
}
