using System.Security.Cryptography;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;

namespace Shop.Web.Checkout;

/// <summary>
/// The buyer's cart for one circuit, kept in the browser's local storage (protected by Data Protection)
/// so it survives reloads and a payment that failed or was cancelled.
/// </summary>
public sealed class CartState(ProtectedLocalStorage storage, ILogger<CartState> logger)
{
    private const string Key = "shop.cart.v1";
    private Dictionary<string, int> _lines = new(StringComparer.Ordinal);
    private bool _loaded;

    public event Action? Changed;

    public IReadOnlyDictionary<string, int> Lines => _lines;

    public int Count => _lines.Values.Sum();

    public bool Loaded => _loaded;

    /// <summary>Reads the stored cart; call once the circuit is interactive (storage needs JavaScript).</summary>
    public async Task LoadAsync()
    {
        if (_loaded)
            return;
        try
        {
            var stored = await storage.GetAsync<Dictionary<string, int>>(Key);
            if (stored is { Success: true, Value: { } lines })
                _lines = new(lines.Where(l => l.Value > 0).ToDictionary(l => l.Key, l => Math.Min(l.Value, CheckoutLimits.MaxQuantity)), StringComparer.Ordinal);
        }
        catch (CryptographicException ex)
        {
            logger.LogInformation(ex, "Stored cart could not be read (keys changed); starting empty");
        }
        _loaded = true;
        Changed?.Invoke();
    }

    public Task AddAsync(string sku, int quantity = 1) =>
        SetAsync(sku, (_lines.TryGetValue(sku, out var current) ? current : 0) + quantity);

    public Task SetAsync(string sku, int quantity)
    {
        if (quantity <= 0)
            _lines.Remove(sku);
        else
            _lines[sku] = Math.Min(quantity, CheckoutLimits.MaxQuantity);
        return SaveAsync();
    }

    public Task ReplaceAsync(IEnumerable<CheckoutItem> items)
    {
        _lines = items.Where(i => i.Sku is not null && i.Quantity > 0)
            .GroupBy(i => i.Sku!).ToDictionary(g => g.Key, g => Math.Min(g.Sum(i => i.Quantity), CheckoutLimits.MaxQuantity), StringComparer.Ordinal);
        return SaveAsync();
    }

    public Task ClearAsync()
    {
        _lines.Clear();
        return SaveAsync();
    }

    private async Task SaveAsync()
    {
        Changed?.Invoke();
        try
        {
            await storage.SetAsync(Key, _lines);
        }
        catch (InvalidOperationException)
        {
            // Prerendering: nothing to persist to yet; the interactive render saves.
        }
    }
}
