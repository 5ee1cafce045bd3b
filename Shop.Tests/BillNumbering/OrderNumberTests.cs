using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.Core;
using Shop.Tests.Infrastructure;
using Shop.Web.Admin;
using Shop.Web.Bills;

namespace Shop.Tests.BillNumbering;

/// <summary>A shop of its own: the tests count its order numbers from 1.</summary>
public sealed class OrderNumberShopFactory() : ShopFactory(new Dictionary<string, string?> { ["Shop:TestOverride"] = "true" });

/// <summary>Order numbers and payment references, as the API hands them out and the admin search finds them.</summary>
public sealed class OrderNumberTests(OrderNumberShopFactory shop) : IClassFixture<OrderNumberShopFactory>
{
    private readonly HttpClient _client = shop.NoRedirects();

    private sealed record Placed(string Reference, string Number, string? PaymentReference, string PayMode);

    private async Task<Placed> PlaceAsync(string payMode)
    {
        var response = await _client.PostAsJsonAsync("/api/checkout", ShopApiClient.Order(payMode, ("MUG-001", 1)));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonSerializer.Deserialize<Placed>(body, ShopFactory.Json)!;
    }

    private Task<BillPage> SearchAsync(string text) =>
        shop.InScopeAsync(sp => sp.GetRequiredService<AdminBills>().SearchAsync(new BillFilter(Text: text), 0, 500));

    [Fact]
    public async Task Fifty_concurrent_checkouts_get_fifty_different_numbers_with_no_gap()
    {
        var placed = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => PlaceAsync(i % 2 == 0 ? "check" : "test"))));

        var numbers = placed.Select(p => p.Number).ToList();
        Assert.All(numbers, n => Assert.Matches($@"^{DateTime.UtcNow.Year}-\d{{6}}$", n));
        Assert.Equal(50, numbers.Distinct().Count());
        var counters = numbers.Select(n => int.Parse(n[5..])).Order().ToList();
        Assert.Equal(Enumerable.Range(counters[0], 50), counters);
        // Gap-free over the whole shop too: this year's numbers are 1 to the number of its bills.
        var all = await SearchAsync($"{DateTime.UtcNow.Year}-");
        var allCounters = all.Items.Select(b => int.Parse(b.Number[5..])).Order().ToList();
        Assert.Equal(Enumerable.Range(1, all.TotalCount), allCounters);
    }

    [Fact]
    public async Task A_deferred_bill_quotes_a_valid_RF_reference_made_from_its_number_and_others_none()
    {
        var cheque = await PlaceAsync("check");
        var test = await PlaceAsync("test");

        Assert.NotNull(cheque.PaymentReference);
        Assert.True(CreditorReference.IsValid(cheque.PaymentReference));
        Assert.Equal(BillNumbers.PaymentReferenceFor(cheque.Number), cheque.PaymentReference);
        Assert.Null(test.PaymentReference);

        var bill = await _client.GetFromJsonAsync<JsonElement>($"/api/bills/{cheque.Reference}");
        Assert.Equal(cheque.Number, bill.GetProperty("number").GetString());
        Assert.Equal(cheque.PaymentReference, bill.GetProperty("paymentReference").GetString());
        var view = await shop.InScopeAsync(sp => sp.GetRequiredService<IBillGateway>().FindAsync(cheque.Reference));
        Assert.Equal((cheque.Number, cheque.PaymentReference), (view!.Number, view.PaymentReference));
    }

    [Fact]
    public async Task Admin_search_finds_the_bill_by_its_number_or_its_RF_reference_as_typed()
    {
        var cheque = await PlaceAsync("check");
        var rf = cheque.PaymentReference!;

        foreach (var typed in (string[])[cheque.Number, rf, CreditorReference.Format(rf), CreditorReference.Format(rf).ToLowerInvariant(), $"  {rf.ToLowerInvariant()} "])
        {
            var page = await SearchAsync(typed);
            var row = Assert.Single(page.Items);
            Assert.Equal((cheque.Reference, cheque.Number, rf), (row.Reference, row.Number, row.PaymentReference));
        }
        // One wrong check digit finds nothing rather than a neighbour.
        var typo = rf[..2] + (rf[2] == '9' ? '8' : (char)(rf[2] + 1)) + rf[3..];
        Assert.Empty((await SearchAsync(typo)).Items);
    }

    [Theory]
    [InlineData(2026, 123, "2026-000123", "RF462026000123")]
    [InlineData(2027, 1, "2027-000001", null)]
    [InlineData(2026, 1234567, "2026-1234567", null)]
    public void Numbers_are_the_year_and_its_counter_and_references_their_digits(int year, int counter, string number, string? reference)
    {
        Assert.Equal(number, BillNumbers.Format(year, counter));
        var rf = BillNumbers.PaymentReferenceFor(number);
        Assert.True(CreditorReference.IsValid(rf));
        if (reference is not null)
            Assert.Equal(reference, rf);
        Assert.Equal(number, BillNumbers.NumberOf(rf));
        Assert.Equal(number, BillNumbers.NumberOf(CreditorReference.Format(rf).ToLowerInvariant()));
    }
}
