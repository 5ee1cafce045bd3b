using Shop.PayModes.Core;

namespace Shop.Tests.PayModes.Core;

public class FormBodyTests
{
    [Fact]
    public void Parse_keeps_order_and_duplicates()
    {
        var pairs = FormBody.Parse("b=2&a=1&b=3");

        Assert.Equal([new("b", "2"), new("a", "1"), new("b", "3")], pairs);
    }

    [Fact]
    public void Parse_decodes_plus_as_space_and_percent_escapes_as_utf8() =>
        Assert.Equal([new("vads_cust_first_name", "Hélène Marie"), new("email", "a+b@x.fr")],
            FormBody.Parse("vads_cust_first_name=H%C3%A9l%C3%A8ne+Marie&email=a%2Bb%40x.fr"));

    [Fact]
    public void Parse_splits_on_the_first_equals_only() =>
        Assert.Equal([new("Data", "amount=1|x=y")], FormBody.Parse("Data=amount=1|x=y"));

    [Fact]
    public void Parse_reads_a_name_without_equals_as_empty_value_and_skips_empty_segments() =>
        Assert.Equal([new("flag", ""), new("a", "")], FormBody.Parse("flag&&a="));

    [Fact]
    public void Parse_of_empty_body_is_empty() => Assert.Empty(FormBody.Parse(""));

    [Theory]
    [InlineData("a=%ZZ")]
    [InlineData("a=%4")]
    [InlineData("a=50%")]
    [InlineData("a=%C3%28")]
    [InlineData("a=%FF")]
    public void Parse_rejects_invalid_escapes_and_invalid_utf8(string raw) =>
        Assert.Throws<FormatException>(() => FormBody.Parse(raw));
}
