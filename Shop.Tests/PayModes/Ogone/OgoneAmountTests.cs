using Shop.PayModes.Ogone;

namespace Shop.Tests.PayModes.Ogone;

public class OgoneAmountTests
{
    [Theory]
    [InlineData("15", 2, 1500L)]
    [InlineData("15.1", 2, 1510L)]
    [InlineData("15.12", 2, 1512L)]
    [InlineData("19.99", 2, 1999L)]
    [InlineData("0.5", 2, 50L)]
    [InlineData("1500", 0, 1500L)]
    public void Feedback_amount_parses_to_minor_units_without_floating_point(string text, int digits, long expected)
    {
        Assert.True(OgoneAmount.TryParseMinorUnits(text, digits, out var minor));
        Assert.Equal(expected, minor);
    }

    [Theory]
    [InlineData("")]
    [InlineData("15.")]
    [InlineData(".5")]
    [InlineData("15.123")]
    [InlineData("-15")]
    [InlineData("1e3")]
    [InlineData("15,12")]
    [InlineData(" 15")]
    [InlineData("99999999999999999999")]
    public void Invalid_feedback_amount_is_not_parsed(string text) =>
        Assert.False(OgoneAmount.TryParseMinorUnits(text, 2, out _));

    [Theory]
    [InlineData(1999L, 2, "1999")]
    [InlineData(1500L, 0, "150000")]
    public void Request_amount_is_the_major_amount_times_100(long minor, int digits, string expected) =>
        Assert.Equal(expected, OgoneAmount.ToRequestAmount(minor, digits));
}
