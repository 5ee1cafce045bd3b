using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Shop.PayModes.Core;
using Shop.Web.Checkout;
using Shop.Web.Hosting;

namespace Shop.Web.Components.Pages;

/// <summary>A cart line as the checkout shows it, priced from the catalogue (never from the browser).</summary>
public sealed record CheckoutLine(CatalogProduct Product, int Quantity)
{
    public long Total => Product.Price * Quantity;
}

/// <summary>The buyer's details as typed, checked by <see cref="CheckoutService.ValidateCustomer"/>.</summary>
public sealed class CustomerForm
{
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public string? Zip { get; set; }
    public string? City { get; set; }
    public string? Country { get; set; }

    public CheckoutCustomer ToRequest() => new(FirstName, LastName, Email, Address, Zip, City, Country);

    public void Fill(CheckoutCustomer c) =>
        (FirstName, LastName, Email, Address, Zip, City, Country) = (c.FirstName, c.LastName, c.Email, c.Address, c.Zip, c.City, c.Country);
}

/// <summary>The checkout page: the cart, the buyer, the pay modes offered for this total, and the order placed through <see cref="CheckoutService"/>.</summary>
public partial class Checkout : IDisposable
{
    [SupplyParameterFromQuery(Name = "retry")] public string? RetryReference { get; set; }

    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject] private ProductCatalog Catalog { get; set; } = default!;
    [Inject] private CartState Cart { get; set; } = default!;
    [Inject] private CheckoutService CheckoutService { get; set; } = default!;
    [Inject] private CheckoutGate Gate { get; set; } = default!;
    [Inject] private CircuitClient Client { get; set; } = default!;
    [Inject] private PayModeOffers Offers { get; set; } = default!;
    [Inject] private IShopSettings Shop { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private string? _retryOf;
    private Dictionary<string, CatalogProduct> _products = [];
    private readonly CustomerForm _customer = new();
    private IReadOnlyList<OfferedPayMode> _offered = [];
    private string? _payMode;
    private Dictionary<string, string[]> _errors = [];
    private List<string> _generalErrors = [];
    private bool _placing;
    private bool _isAdmin;

    private List<CheckoutLine> Lines => [.. Cart.Lines.Where(l => _products.ContainsKey(l.Key)).Select(l => new CheckoutLine(_products[l.Key], l.Value))];
    private long Total => Lines.Sum(l => l.Total);
    private string Currency => Shop.Current.Currency;
    private IPayMode? Chosen => _offered.FirstOrDefault(o => o.Mode.Code == _payMode)?.Mode;

    protected override async Task OnInitializedAsync()
    {
        Cart.Changed += OnCartChanged;
        _products = (await Catalog.ActiveAsync()).ToDictionary(p => p.Sku);
        _isAdmin = AuthenticationState is not null && (await AuthenticationState).User.IsInRole(PaymentHandover.AdminRole);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
            return;
        await Cart.LoadAsync();
        if (RetryReference is { Length: > 0 } && await CheckoutService.DraftFromAsync(RetryReference) is { } draft)
        {
            await Cart.ReplaceAsync(draft.Items);
            _customer.Fill(draft.Customer);
            _payMode = draft.PayMode;
            _retryOf = RetryReference;
        }
        await RefreshOffersAsync();
        StateHasChanged();
    }

    private void OnCartChanged() => _ = InvokeAsync(async () => { await RefreshOffersAsync(); StateHasChanged(); });

    private async Task RefreshOffersAsync()
    {
        _offered = await Offers.OfferedAsync(Offers.ContextFor(Total, Currency, _isAdmin));
        if (_offered.All(o => o.Mode.Code != _payMode))
            _payMode = PayModeOffers.PreselectedOf(_offered)?.Mode.Code;
    }

    private string? ErrorOf(string field) => _errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    private void ValidateDetails()
    {
        if (_errors.Count == 0 && _generalErrors.Count == 0)
            return;   // only re-check once the buyer has tried to order, so empty fields are not red on arrival
        var errors = new Dictionary<string, string[]>();
        CheckoutService.ValidateCustomer(_customer.ToRequest(), errors);
        foreach (var key in _errors.Keys.Where(k => k.StartsWith("customer.", StringComparison.Ordinal)).ToList())
            if (!errors.ContainsKey(key))
                _errors.Remove(key);
    }

    private async Task PlaceOrder()
    {
        _placing = true;
        _generalErrors = [];
        if (Gate.InteractiveRefusal(Client.Address) is { } refusal)
        {
            _generalErrors = [refusal];
            _placing = false;
            return;
        }
        var request = new CheckoutRequest([.. Lines.Select(l => new CheckoutItem(l.Product.Sku, l.Quantity))], _customer.ToRequest(), _payMode);
        var outcome = await CheckoutService.PlaceAsync(request, _isAdmin, _retryOf);
        if (outcome.Result is { } result)
        {
            // The pay URL is on the shop's public address; the buyer's browser stays on the origin it is on (and keeps its cookies).
            Navigation.NavigateTo(new Uri(result.PayUrl).PathAndQuery, forceLoad: true);
            return;
        }
        _errors = new(outcome.Errors);
        _generalErrors = [.. outcome.Errors.Where(e => !e.Key.StartsWith("customer.", StringComparison.Ordinal) && e.Key != "payMode").SelectMany(e => e.Value)];
        if (_errors.Keys.Any(k => k.StartsWith("customer.", StringComparison.Ordinal)))
            _generalErrors.Insert(0, "Please check your details above.");
        if (_errors.ContainsKey("payMode"))
            _generalErrors.Add(ErrorOf("payMode")!);
        _placing = false;
    }

    public void Dispose() => Cart.Changed -= OnCartChanged;
}
