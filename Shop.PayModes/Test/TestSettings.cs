using Shop.PayModes.Core;

namespace Shop.PayModes.Test;

/// <summary>The simulator needs no settings; the common order rules still apply.</summary>
public sealed class TestSettings : PayModeSettings;
