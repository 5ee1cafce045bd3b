using Shop.PayModes.Core;
using Shop.Tests.Conformance.ProbeMode;
using Shop.Tests.Infrastructure;

namespace Shop.Tests.Conformance;

/// <summary>The proof that a ninth mode needs no list entry: the one registration line puts the probe in every conformance theory.</summary>
public sealed class ProbeModeTests
{
    [Fact]
    public void The_conformance_theories_cover_the_test_only_probe_mode_and_every_mode_of_the_shop()
    {
        using var shop = new ShopFactory();
        var registered = shop.Service<PayModeRegistry>().All.Select(mode => mode.Code).ToList();
        var theories = new[]
        {
            PayModeComponentConformanceTests.Modes, PayModeRouteConformanceTests.Modes, PayModeSecretConformanceTests.Modes,
        };

        Assert.Contains(ProbePayMode.ModeCode, registered);
        foreach (var theory in theories)
            Assert.Equal(registered, ((IEnumerable<object[]>)theory).Select(row => (string)row[0]));
    }
}
