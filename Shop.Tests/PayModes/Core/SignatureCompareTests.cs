using Shop.PayModes.Core;

namespace Shop.Tests.PayModes.Core;

public class SignatureCompareTests
{
    [Theory]
    [InlineData("abcdef01", "ABCDEF01", true)]
    [InlineData("abcdef01", "abcdef01", true)]
    [InlineData("abcdef01", "abcdef02", false)]
    [InlineData("abcdef01", "abcdef0", false)]
    [InlineData("é", "è", false)]
    public void Hex_compare_ignores_case_only(string a, string b, bool expected) =>
        Assert.Equal(expected, SignatureCompare.HexEquals(a, b));

    [Theory]
    [InlineData("ycA5Do5t/A==", "ycA5Do5t/A==", true)]
    [InlineData("ycA5Do5t/A==", "YCA5DO5T/A==", false)]
    [InlineData("ycA5Do5t/A==", "ycA5Do5t/A=", false)]
    public void Base64_compare_is_exact(string a, string b, bool expected) =>
        Assert.Equal(expected, SignatureCompare.ExactEquals(a, b));
}
