using Shop.PayModes.Core;

namespace Shop.Tests.Conformance.ProbeMode;

public sealed class ProbeSettings : PayModeSettings
{
    /// <summary>Shown to buyers in the selector: the kind of setting a page may show.</summary>
    public string? AccountName { get; set; } = "Probe account";

    /// <summary>The kind of setting no page may show.</summary>
    [Secret]
    public string? ApiKey { get; set; }
}
