using System.Text.RegularExpressions;
using Shop.PayModes.Core;

namespace Shop.Tests.Conformance;

/// <summary>The buyer's status words of every registered mode (docs/lifecycle.md#what-the-buyer-reads): words in every
/// state and situation, never a state code, and the promises that must hold whatever the mode.</summary>
public sealed partial class StatusWordsConformanceTests(ConformanceShop shop) : IClassFixture<ConformanceShop>
{
    public static TheoryData<string> Modes => RegisteredPayModes.Theory();

    private static BillView Bill(string code, BillState state, bool shipped = false, DateTime? shippedAt = null, AttemptView? attempt = null) =>
        new("R3f9XkQ2mW8pLz4nT6vB1a", state, 2998, state.IsPaid() ? 2998 : 0, "EUR", code, "Ada", "Lovelace", "ada@example.com",
            [new BillLine(1, "MUG-001", "Mug", 2998, 1, 2998)], DateTime.UtcNow, DateTime.UtcNow, false, null, attempt)
        { HasShippedGoods = shipped, ShippedAt = shippedAt };

    [GeneratedRegex(@"\b[A-Z]{4,}\b")]
    private static partial Regex UpperCaseWord();

    [Theory, MemberData(nameof(Modes))]
    public void Every_state_has_words_and_none_is_a_state_code(string code)
    {
        var mode = shop.Mode(code);
        var attempt = new AttemptView("A1", code, "P1", DateTime.UtcNow, null) { ReturnedAt = DateTime.UtcNow };
        foreach (var state in Enum.GetValues<BillState>())
            foreach (var bill in new[] { Bill(code, state), Bill(code, state, shipped: true), Bill(code, state, true, DateTime.UtcNow), Bill(code, state, attempt: attempt) })
            {
                var words = mode.DescribeStatus(bill);
                foreach (var text in new[] { words.Label, words.Title, words.Text })
                {
                    Assert.False(string.IsNullOrWhiteSpace(text), $"{code} says nothing in {state}");
                    Assert.DoesNotContain(state.ToWire(), text, StringComparison.Ordinal);
                    Assert.False(UpperCaseWord().IsMatch(text), $"{code} shows a code-like word in {state}: {text}");
                }
            }
    }

    [Theory, MemberData(nameof(Modes))]
    public void Paid_words_tell_preparing_shipped_and_delivered_apart(string code)
    {
        var mode = shop.Mode(code);
        Assert.Equal("Payment received, preparing your order", mode.DescribeStatus(Bill(code, BillState.SoldOut, shipped: true)).Title);
        Assert.Equal("Shipped", mode.DescribeStatus(Bill(code, BillState.Complete, true, DateTime.UtcNow)).Title);
        Assert.Equal("Delivered", mode.DescribeStatus(Bill(code, BillState.Complete)).Title);
        Assert.DoesNotContain("deliver", mode.DescribeStatus(Bill(code, BillState.SoldOut, shipped: true)).Text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory, MemberData(nameof(Modes))]
    public void A_provider_mode_says_it_confirms_the_payment_after_a_verified_return_and_not_before(string code)
    {
        var mode = shop.Mode(code);
        if (mode.Kind != PayModeKind.Redirect)
            return;
        var opened = new AttemptView("A1", code, "P1", DateTime.UtcNow, null);
        Assert.Equal("Waiting for your payment", mode.DescribeStatus(Bill(code, BillState.Placed, attempt: opened)).Title);
        Assert.Equal($"Confirming your payment with {mode.Name}…",
            mode.DescribeStatus(Bill(code, BillState.Placed, attempt: opened with { ReturnedAt = DateTime.UtcNow })).Title);
    }

    [Theory, MemberData(nameof(Modes))]
    public void A_deferred_mode_names_what_it_awaits(string code)
    {
        var mode = shop.Mode(code);
        if (mode.Kind != PayModeKind.Deferred)
            return;
        foreach (var state in new[] { BillState.Placed, BillState.Pending })
        {
            var title = mode.DescribeStatus(Bill(code, state)).Title;
            Assert.StartsWith("Awaiting your ", title);
            Assert.NotEqual("Awaiting your payment", title);
        }
    }

    [Fact]
    public void Cheque_and_transfer_say_what_the_buyer_sends()
    {
        Assert.Equal("Awaiting your cheque", shop.Mode("check").DescribeStatus(Bill("check", BillState.Pending)).Title);
        Assert.Equal("Awaiting your transfer", shop.Mode("transfer").DescribeStatus(Bill("transfer", BillState.Pending)).Title);
    }
}
