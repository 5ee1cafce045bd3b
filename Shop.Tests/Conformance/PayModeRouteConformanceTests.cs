using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Shop.Tests.Infrastructure;

namespace Shop.Tests.Conformance;

/// <summary>
/// Every route a registered pay mode maps under <c>/paymodes/{code}</c> (read from the app's endpoints, not listed here)
/// answers junk and unknown input with a 4xx or a page, never a 5xx; its notify endpoint, if it has one, too, whatever
/// the body. A provider resends on a 5xx, and a 5xx is a bug the shop did not judge.
/// </summary>
public sealed class PayModeRouteConformanceTests(ConformanceShop shop) : IClassFixture<ConformanceShop>
{
    public static TheoryData<string> Modes => RegisteredPayModes.Theory();

    /// <summary>Values for every route parameter: unknown references, a real bill of another mode, odd characters, a long one.</summary>
    private async Task<string[]> JunkValuesAsync(string code) =>
    [
        "NoSuchBill", ConformanceShop.NewReference(), await shop.AddBillAsync(code == "check" ? "transfer" : "check"),
        "' OR 1=1 --", "<script>x</script>", "..%2f..%2fetc", "%00", new string('A', 3000), "é€😀",
    ];

    private static IEnumerable<(string What, Func<HttpContent?> Body)> JunkBodies()
    {
        var random = new byte[2048];
        new Random(8).NextBytes(random);
        HttpContent Bytes(byte[] bytes, string? type)
        {
            var content = new ByteArrayContent(bytes);
            if (type is not null)
                content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
            return content;
        }
        yield return ("no body", () => null);
        yield return ("empty body", () => Bytes([], null));
        yield return ("empty form", () => Bytes([], "application/x-www-form-urlencoded"));
        yield return ("random bytes", () => Bytes(random, "application/octet-stream"));
        yield return ("random bytes as a form", () => Bytes(random, "application/x-www-form-urlencoded"));
        yield return ("random bytes as JSON", () => Bytes(random, "application/json"));
        yield return ("bad percent-escapes", () => Bytes("Data=%zz&Seal=%&x=%e9%"u8.ToArray(), "application/x-www-form-urlencoded"));
        yield return ("huge form", () => Bytes(Encoding.ASCII.GetBytes("reference=" + new string('A', 2_000_000)), "application/x-www-form-urlencoded"));
        yield return ("form with a reference", () => Bytes("reference=NoSuchBill&status=paid&amount=1"u8.ToArray(), "application/x-www-form-urlencoded"));
        yield return ("JSON", () => Bytes("""{"id":"WH-1","event_type":"PAYMENT.CAPTURE.COMPLETED","resource":{"id":"x"}}"""u8.ToArray(), "application/json"));
        yield return ("JSON sent as a form", () => Bytes("""{"reference":"NoSuchBill"}"""u8.ToArray(), "application/x-www-form-urlencoded"));
        yield return ("a form sent as JSON", () => Bytes("reference=NoSuchBill&status=paid"u8.ToArray(), "application/json"));
        yield return ("JSON array", () => Bytes("[1,2,3]"u8.ToArray(), "application/json"));
        yield return ("XML", () => Bytes("<notify><reference>x</reference></notify>"u8.ToArray(), "text/xml"));
        yield return ("multipart", () => new MultipartFormDataContent { { new StringContent("NoSuchBill"), "reference" } });
    }

    private static async Task<int> StatusAsync(HttpClient client, string method, string path, HttpContent? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = body };
        using var response = await client.SendAsync(request);
        return (int)response.StatusCode;
    }

    private static string Describe(RouteEndpoint endpoint) => endpoint.RoutePattern.RawText!;

    [Theory, MemberData(nameof(Modes))]
    public async Task Every_route_answers_junk_with_a_4xx_or_a_page_never_a_5xx(string code)
    {
        var routes = RegisteredPayModes.RoutesOf(shop.Services, code);
        Assert.NotEmpty(routes);   // at least the send route the checkout hands buyers to
        var client = shop.NoRedirects();
        var failures = new List<string>();

        foreach (var route in routes)
            foreach (var value in await JunkValuesAsync(code))
                foreach (var method in RegisteredPayModes.MethodsOf(route))
                    foreach (var (what, body) in method is "GET" or "HEAD" ? [("no body", () => null)] : JunkBodies().Take(4))
                    {
                        var path = ConformanceShop.Fill(route, value);
                        var status = await StatusAsync(client, method, path, body());
                        if (status >= 500)
                            failures.Add($"{method} {Describe(route)} with '{value[..Math.Min(value.Length, 20)]}' and {what}: {status}");
                    }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Theory, MemberData(nameof(Modes))]
    public async Task Notify_endpoint_never_answers_5xx_to_junk_bodies(string code)
    {
        var notify = RegisteredPayModes.RoutesOf(shop.Services, code)
            .Where(route => route.RoutePattern.RawText!.EndsWith("/notify", StringComparison.Ordinal)).ToList();
        var client = shop.NoRedirects();
        var failures = new List<string>();

        foreach (var route in notify)
            foreach (var method in RegisteredPayModes.MethodsOf(route))
                foreach (var (what, body) in JunkBodies())
                {
                    var status = await StatusAsync(client, method, Describe(route), method is "GET" or "HEAD" ? null : body());
                    if (status >= 500)
                        failures.Add($"{method} {Describe(route)} with {what}: {status}");
                }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }
}
