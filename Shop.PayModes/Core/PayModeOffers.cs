namespace Shop.PayModes.Core;

public sealed record OfferedPayMode(IPayMode Mode, PayModeConfig Config);

/// <summary>
/// Decides which pay modes a buyer may use for an order: enabled, correctly configured, and accepted
/// by the mode itself. The checkout shows this list, and the server re-checks it at every hand-over.
/// </summary>
public sealed class PayModeOffers(PayModeRegistry registry, IPayModeSettingsStore store, IShopSettings shop)
{
    public PayModeRegistry Registry => registry;

    public OfferContext ContextFor(long total, string currency, bool buyerIsAdmin)
    {
        var settings = shop.Current;
        return new OfferContext(total, currency, buyerIsAdmin, settings.TestMode, settings.TestOverride);
    }

    public async Task<IReadOnlyList<OfferedPayMode>> OfferedAsync(OfferContext context, CancellationToken ct = default)
    {
        var offered = new List<OfferedPayMode>();
        foreach (var config in await store.GetAllAsync(ct))
            if (registry.Find(config.Code) is { } mode && Check(mode, config, context).Offered)
                offered.Add(new OfferedPayMode(mode, config));
        return offered;
    }

    public async Task<Availability> CheckAsync(string? code, OfferContext context, CancellationToken ct = default)
    {
        if (registry.Find(code) is not { } mode)
            return Availability.No($"There is no pay mode '{code}'.");
        return Check(mode, await store.GetAsync(mode.Code, ct), context);
    }

    /// <summary>
    /// The mode to preselect: the default the owner chose, when offered, or the only mode offered. Otherwise none:
    /// a buyer who has not chosen must not be able to place an order by a mode they never saw.
    /// </summary>
    public static OfferedPayMode? PreselectedOf(IReadOnlyList<OfferedPayMode> offered) =>
        offered.FirstOrDefault(o => o.Config.IsDefault) ?? (offered.Count == 1 ? offered[0] : null);

    private static Availability Check(IPayMode mode, PayModeConfig config, OfferContext context)
    {
        if (!config.Enabled)
            return Availability.No($"{mode.Name} is not enabled in this shop.");
        if (!config.Settings.IsValid)
            return Availability.No($"{mode.Name} is not configured.");
        return mode.IsOffered(context, config.Settings);
    }
}
