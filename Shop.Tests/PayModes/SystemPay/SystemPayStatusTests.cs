using Shop.PayModes.Core;
using Shop.PayModes.SystemPay;

namespace Shop.Tests.PayModes.SystemPay;

public class SystemPayStatusTests
{
    [Theory]
    [InlineData("AUTHORISED", PaymentOutcome.Paid)]
    [InlineData("CAPTURED", PaymentOutcome.Paid)]
    [InlineData("ACCEPTED", PaymentOutcome.Paid)]
    [InlineData("INITIAL", PaymentOutcome.Pending)]
    [InlineData("WAITING_AUTHORISATION", PaymentOutcome.Pending)]
    [InlineData("UNDER_VERIFICATION", PaymentOutcome.Pending)]
    [InlineData("PRE_AUTHORISED", PaymentOutcome.Pending)]
    [InlineData("WAITING_FOR_PAYMENT", PaymentOutcome.Pending)]
    [InlineData("SUSPENDED", PaymentOutcome.Pending)]
    [InlineData("PENDING", PaymentOutcome.Pending)]
    [InlineData("AUTHORISED_TO_VALIDATE", PaymentOutcome.Pending)]
    [InlineData("WAITING_AUTHORISATION_TO_VALIDATE", PaymentOutcome.Pending)]
    [InlineData("REFUSED", PaymentOutcome.Refused)]
    [InlineData("ABANDONED", PaymentOutcome.Cancelled)]
    [InlineData("CANCELLED", PaymentOutcome.Cancelled)]
    [InlineData("EXPIRED", PaymentOutcome.Cancelled)]
    [InlineData("NOT_CREATED", PaymentOutcome.Failed)]
    [InlineData("CAPTURE_FAILED", PaymentOutcome.Failed)]
    public void Trans_status_maps_to_outcome(string status, PaymentOutcome expected) =>
        Assert.Equal(expected, SystemPayStatus.ToOutcome(status, "00"));

    [Theory]
    [InlineData("05", PaymentOutcome.Refused)]
    [InlineData("17", PaymentOutcome.Cancelled)]
    [InlineData("00", PaymentOutcome.Failed)]
    [InlineData(null, PaymentOutcome.Failed)]
    public void Unknown_status_falls_back_to_result_and_never_pays(string? result, PaymentOutcome expected) =>
        Assert.Equal(expected, SystemPayStatus.ToOutcome("SOMETHING_NEW", result));
}
