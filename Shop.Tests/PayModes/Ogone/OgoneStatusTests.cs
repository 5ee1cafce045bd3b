using Shop.PayModes.Core;
using Shop.PayModes.Ogone;

namespace Shop.Tests.PayModes.Ogone;

public class OgoneStatusTests
{
    [Theory]
    [InlineData("9", PaymentOutcome.Paid)]
    [InlineData("5", PaymentOutcome.Pending)]
    [InlineData("4", PaymentOutcome.Pending)]
    [InlineData("41", PaymentOutcome.Pending)]
    [InlineData("46", PaymentOutcome.Pending)]
    [InlineData("50", PaymentOutcome.Pending)]
    [InlineData("51", PaymentOutcome.Pending)]
    [InlineData("52", PaymentOutcome.Pending)]
    [InlineData("55", PaymentOutcome.Pending)]
    [InlineData("91", PaymentOutcome.Pending)]
    [InlineData("92", PaymentOutcome.Pending)]
    [InlineData("99", PaymentOutcome.Pending)]
    [InlineData("1", PaymentOutcome.Cancelled)]
    [InlineData("2", PaymentOutcome.Refused)]
    [InlineData("93", PaymentOutcome.Refused)]
    [InlineData("0", PaymentOutcome.Failed)]
    [InlineData("84", PaymentOutcome.Failed)]
    [InlineData("77", PaymentOutcome.Failed)]
    public void Status_maps_to_outcome(string status, PaymentOutcome expected) =>
        Assert.Equal(expected, OgoneStatus.ToOutcome(status));
}
