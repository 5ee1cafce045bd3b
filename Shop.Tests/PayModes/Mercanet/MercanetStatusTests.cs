using Shop.PayModes.Core;
using Shop.PayModes.Mercanet;

namespace Shop.Tests.PayModes.Mercanet;

public class MercanetStatusTests
{
    [Theory]
    [InlineData("00", PaymentOutcome.Paid)]
    [InlineData("60", PaymentOutcome.Pending)]
    [InlineData("17", PaymentOutcome.Cancelled)]
    [InlineData("05", PaymentOutcome.Refused)]
    [InlineData("34", PaymentOutcome.Failed)]
    [InlineData("99", PaymentOutcome.Failed)]
    public void Response_code_maps_to_outcome(string code, PaymentOutcome expected) =>
        Assert.Equal(expected, MercanetStatus.ToOutcome(code));
}
