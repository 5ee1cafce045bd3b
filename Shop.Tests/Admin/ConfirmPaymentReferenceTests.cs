using Shop.Web.Components.Admin;

namespace Shop.Tests.Admin;

/// <summary>The payment reference an admin types back from a cheque or a bank statement, checked before the payment is recorded.</summary>
public sealed class ConfirmPaymentReferenceTests
{
    private const string Expected = "RF462026000123";

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("RF462026000123")]
    [InlineData("RF46 2026 0001 23")]
    [InlineData(" rf46 2026 000123 ")]
    public void The_bills_own_reference_as_typed_or_none_is_accepted(string? typed) =>
        Assert.Null(ConfirmPaymentDialog.QuotedReferenceError(typed, Expected));

    [Fact]
    public void A_mistyped_digit_is_named_as_a_typo()
    {
        var error = ConfirmPaymentDialog.QuotedReferenceError("RF46 2026 0001 32", Expected);
        Assert.NotNull(error);
        Assert.Contains("check digits do not match", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_orders_valid_reference_is_named_as_such_with_the_right_one()
    {
        var error = ConfirmPaymentDialog.QuotedReferenceError("RF18539007547034", Expected);
        Assert.NotNull(error);
        Assert.Contains("another order's", error, StringComparison.Ordinal);
        Assert.Contains("RF46 2026 0001 23", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-000123")]
    [InlineData("R3f9XkQ2mW8pLz4nT6vB1a")]
    public void Text_that_is_no_RF_reference_is_refused_with_its_shape(string typed) =>
        Assert.Contains("not an RF reference", ConfirmPaymentDialog.QuotedReferenceError(typed, Expected), StringComparison.Ordinal);

    [Fact]
    public void A_bill_without_a_payment_reference_checks_nothing() =>
        Assert.Null(ConfirmPaymentDialog.QuotedReferenceError("anything", expected: null));
}
