using Shop.PayModes.Core;

namespace Shop.Tests.PayModes;

public static class TestAttempts
{
    public static ProviderPaymentRequest Standard(
        string reference = "A20240101x1", long amount = 1999, string currency = "EUR",
        PaymentEnvironment environment = PaymentEnvironment.Test, Buyer? buyer = null) =>
        new(amount, currency, reference, "B-1001",
            buyer ?? new Buyer("jane@example.com", "Jane", "Doe", "1 rue de la Paix", "75002", "Paris", "FR"),
            new ReturnUrls("https://shop.test/return", "https://shop.test/cancel", "https://shop.test/notify"),
            environment,
            new DateTimeOffset(2024, 3, 31, 23, 30, 5, TimeSpan.FromHours(-2)));

    public static string Value(this IEnumerable<KeyValuePair<string, string>> fields, string name) =>
        fields.Single(f => f.Key == name).Value;

    public static List<KeyValuePair<string, string>> With(
        this IEnumerable<KeyValuePair<string, string>> fields, string name, string value) =>
        fields.Select(f => f.Key == name ? new KeyValuePair<string, string>(name, value) : f).ToList();
}
