using Shop.PayModes.Core;
using Bunit;
using Shop.PayModes.Core.Components;
using Shop.Tests.Infrastructure;

namespace Shop.Tests.PayModes.Core.Components;

public sealed class SecretFieldTests : MudTestContext
{
    public SecretFieldTests() => Interactive();

    [Fact]
    public void A_stored_secret_shows_only_its_last_4_characters_in_a_password_field()
    {
        var cut = Render<SecretField>(p => p.Add(f => f.Value, "002001000000001_KEY1").Add(f => f.Label, "Secret key"));
        Assert.Contains("set · ending in KEY1", cut.Markup);
        Assert.DoesNotContain("002001000000001", cut.Markup);
        Assert.Equal("password", cut.Find("input").GetAttribute("type"));
    }

    [Theory]
    [InlineData(null, "not set")]
    [InlineData("", "not set")]
    [InlineData("short", "set")]
    [InlineData("1122334455667788", "set · ending in 7788")]
    public void Description_never_gives_away_a_short_secret(string? secret, string expected) =>
        Assert.Equal(expected, SecretValues.Describe(secret));

    [Fact]
    public void Typing_replaces_the_secret_and_a_blank_field_keeps_it()
    {
        string? value = "old-secret-value";
        var cut = Render<SecretField>(p => p.Add(f => f.Value, value).Add(f => f.ValueChanged, (string? v) => value = v));
        cut.Find("input").Input("");
        Assert.Equal("old-secret-value", value);
        cut.Find("input").Input("new-secret-value");
        Assert.Equal("new-secret-value", value);
        cut.Find("input").Input("");
        Assert.Equal("old-secret-value", value);
    }
}
