using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Shop.PayModes.Core.Sandbox;
using Shop.PayModes.PayPal;
using Shop.Tests.Infrastructure;

namespace Shop.Tests.PayModes.PayPal;

/// <summary>
/// The PayPal sandbox's REST answers as PayPal documents them, over HTTP without Node (the same answers
/// <see cref="PayPalSdkTests"/> checks with PayPal's SDK, so a failure here points at the line).
/// </summary>
public sealed class PayPalSandboxApiTests(PayPalOrdersFactory shop) : IClassFixture<PayPalOrdersFactory>
{
    private const string Minimal = """{"intent":"CAPTURE","purchase_units":[{"amount":{"currency_code":"EUR","value":"14.99"}}]}""";
    private readonly HttpClient _client = shop.NoRedirects();

    private async Task<string> TokenAsync()
    {
        var secret = shop.Service<SandboxCredentials>().For(PayPalPayMode.ModeCode, nameof(PayPalSettings.ClientSecret));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sandbox/paypal/v1/oauth2/token")
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("sandbox-client-id:" + secret)));
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> CallAsync(HttpMethod method, string path, string? body = null,
        string? requestId = null, bool representation = true, bool authorized = true)
    {
        using var request = new HttpRequestMessage(method, "/sandbox/paypal" + path);
        if (body is not null)
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        if (authorized)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync());
        if (requestId is not null)
            request.Headers.Add("PayPal-Request-Id", requestId);
        if (representation)
            request.Headers.Add("Prefer", "return=representation");
        var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response);
    }

    private static string Rels(JsonNode? resource) =>
        string.Join(",", resource!["links"]!.AsArray().Select(l => l!["rel"]!.GetValue<string>()).Order());

    private static string Href(JsonNode? resource, string rel) =>
        resource!["links"]!.AsArray().Single(l => l!["rel"]!.GetValue<string>() == rel)!["href"]!.GetValue<string>();

    /// <summary>PayPal's error object: name, a sentence, a debug id (also as a header), details with issue and description, links.</summary>
    private static JsonNode AssertPayPalError((HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response) answer, HttpStatusCode status, string name)
    {
        Assert.Equal(status, answer.Status);
        var error = answer.Body!;
        Assert.Equal(name, error["name"]!.GetValue<string>());
        Assert.Contains(" ", error["message"]!.GetValue<string>());
        Assert.Matches("^[0-9a-f]{13}$", error["debug_id"]!.GetValue<string>());
        Assert.Equal(error["debug_id"]!.GetValue<string>(), answer.Response.Headers.GetValues("PayPal-Debug-Id").Single());
        Assert.All(error["details"]!.AsArray(), d => { Assert.NotNull(d!["issue"]); Assert.NotNull(d["description"]); });
        Assert.NotEmpty(error["details"]!.AsArray());
        Assert.NotEmpty(error["links"]!.AsArray());
        return error;
    }

    private static string Issue(JsonNode error) => error["details"]![0]!["issue"]!.GetValue<string>();

    private async Task<string> ApproveAsync(string orderId)
    {
        var answer = await _client.PostAsync("/sandbox/paypal/checkoutnow", new FormUrlEncodedContent([new("token", orderId), new("choice", "approve")]));
        Assert.True(answer.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"approval answered {(int)answer.StatusCode}");
        return orderId;
    }

    /// <summary>A completed capture of 14.99 EUR; returns the capture and the order it belongs to.</summary>
    private async Task<(JsonNode Capture, JsonNode Order)> CapturedAsync()
    {
        var created = await CallAsync(HttpMethod.Post, "/v2/checkout/orders", Minimal);
        var id = await ApproveAsync(created.Body!["id"]!.GetValue<string>());
        var captured = await CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{id}/capture", "{}");
        Assert.Equal(HttpStatusCode.Created, captured.Status);
        return (captured.Body!["purchase_units"]![0]!["payments"]!["captures"]![0]!, captured.Body!);
    }

    [Fact]
    public async Task A_create_without_return_urls_is_201_CREATED_with_self_approve_update_and_capture_links()
    {
        var minimal = await CallAsync(HttpMethod.Post, "/v2/checkout/orders", Minimal, representation: false);
        var full = await CallAsync(HttpMethod.Post, "/v2/checkout/orders", Minimal);

        Assert.Equal(HttpStatusCode.Created, minimal.Status);
        Assert.Equal(["id", "links", "status"], minimal.Body!.AsObject().Select(p => p.Key).Order());
        Assert.Equal("CREATED", minimal.Body["status"]!.GetValue<string>());
        Assert.Equal("approve,capture,self,update", Rels(minimal.Body));
        Assert.Equal("default", full.Body!["purchase_units"]![0]!["reference_id"]!.GetValue<string>());
        Assert.DoesNotContain("null", full.Body.ToJsonString());
        Assert.DoesNotContain("invoice_id", full.Body.ToJsonString());
    }

    [Fact]
    public async Task A_create_with_application_context_echoes_its_reference_id_and_approval_returns_to_its_url()
    {
        var body = """
            {"intent":"CAPTURE","purchase_units":[{"reference_id":"PU-7","invoice_id":"INV-7","amount":{"currency_code":"EUR","value":"5.00"}}],
             "application_context":{"return_url":"http://localhost/paymodes/paypal/return?x=1","cancel_url":"http://localhost/paymodes/paypal/cancel"}}
            """;
        var created = await CallAsync(HttpMethod.Post, "/v2/checkout/orders", body);
        var id = created.Body!["id"]!.GetValue<string>();
        var back = await _client.PostAsync("/sandbox/paypal/checkoutnow", new FormUrlEncodedContent([new("token", id), new("choice", "approve")]));

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("PU-7", created.Body["purchase_units"]![0]!["reference_id"]!.GetValue<string>());
        Assert.Equal("INV-7", created.Body["purchase_units"]![0]!["invoice_id"]!.GetValue<string>());
        Assert.Equal("CREATED", created.Body["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.StartsWith("http://localhost/paymodes/paypal/return?x=1&token=" + id, back.Headers.Location!.OriginalString);
        var approved = await CallAsync(HttpMethod.Get, $"/v2/checkout/orders/{id}");
        Assert.Equal("APPROVED", approved.Body!["status"]!.GetValue<string>());
        Assert.Equal("capture,self,update", Rels(approved.Body));
    }

    [Fact]
    public async Task A_create_with_experience_context_waits_on_payer_action_and_a_completed_order_keeps_only_its_self_link()
    {
        var body = """
            {"intent":"CAPTURE","purchase_units":[{"amount":{"currency_code":"EUR","value":"5.00"}}],
             "payment_source":{"paypal":{"experience_context":{"return_url":"http://localhost/paymodes/paypal/return","cancel_url":"http://localhost/paymodes/paypal/cancel"}}}}
            """;
        var created = await CallAsync(HttpMethod.Post, "/v2/checkout/orders", body);
        var id = await ApproveAsync(created.Body!["id"]!.GetValue<string>());
        var captured = await CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{id}/capture", null);

        Assert.Equal("PAYER_ACTION_REQUIRED", created.Body["status"]!.GetValue<string>());
        Assert.Equal("payer-action,self", Rels(created.Body));
        Assert.Equal("COMPLETED", captured.Body!["status"]!.GetValue<string>());
        Assert.Equal("self", Rels(captured.Body));
        Assert.Equal("self", Rels((await CallAsync(HttpMethod.Get, $"/v2/checkout/orders/{id}")).Body));
    }

    [Theory]
    [InlineData("{}", "MISSING_REQUIRED_PARAMETER", "/intent")]
    [InlineData("""{"intent":"INVALID","purchase_units":[{"amount":{"currency_code":"EUR","value":"1.00"}}]}""", "INVALID_PARAMETER_VALUE", "/intent")]
    [InlineData("""{"intent":"CAPTURE"}""", "MISSING_REQUIRED_PARAMETER", "/purchase_units")]
    [InlineData("""{"intent":"CAPTURE","purchase_units":[{}]}""", "MISSING_REQUIRED_PARAMETER", "/purchase_units/@reference_id=='default'/amount")]
    [InlineData("""{"intent":"CAPTURE","purchase_units":[{"amount":{"currency_code":"EUR"}}]}""", "MISSING_REQUIRED_PARAMETER", "/purchase_units/@reference_id=='default'/amount/value")]
    [InlineData("""{"intent":"CAPTURE","purchase_units":[{"amount":{"currency_code":"EUR","value":14.99}}]}""", "INVALID_PARAMETER_VALUE", "/purchase_units/@reference_id=='default'/amount/value")]
    [InlineData("""{"intent":5,"purchase_units":[{"amount":{"currency_code":"EUR","value":"1.00"}}]}""", "INVALID_PARAMETER_VALUE", "/intent")]
    [InlineData("""{"intent":"CAPTURE","purchase_units":{"amount":1}}""", "INVALID_PARAMETER_VALUE", "/purchase_units")]
    [InlineData("""{"intent":"CAPTURE","purchase_units":[{"amount":"14.99"}]}""", "INVALID_PARAMETER_VALUE", "/purchase_units/@reference_id=='default'/amount")]
    [InlineData("""{"intent":"CAPTURE","purchase_units":[{"amount":{"currency_code":"EUR","value":"1.00"}}],"application_context":{"return_url":7}}""", "INVALID_PARAMETER_VALUE", "/application_context/return_url")]
    public async Task Schema_and_type_errors_are_400_INVALID_REQUEST_with_the_field_in_the_details(string body, string issue, string field)
    {
        var error = AssertPayPalError(await CallAsync(HttpMethod.Post, "/v2/checkout/orders", body), HttpStatusCode.BadRequest, "INVALID_REQUEST");

        Assert.Contains(error["details"]!.AsArray(), d => d!["issue"]!.GetValue<string>() == issue && d["field"]?.GetValue<string>() == field);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("\"text\"")]
    [InlineData("{\"intent\":")]
    [InlineData("")]
    public async Task A_body_that_is_not_a_JSON_object_is_400_MALFORMED_REQUEST_JSON(string body)
    {
        var error = AssertPayPalError(await CallAsync(HttpMethod.Post, "/v2/checkout/orders", body), HttpStatusCode.BadRequest, "INVALID_REQUEST");
        Assert.Equal("MALFORMED_REQUEST_JSON", Issue(error));

        var capture = AssertPayPalError(await CallAsync(HttpMethod.Post, "/v2/checkout/orders/NOSUCH/capture", body), HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
        Assert.Equal("INVALID_RESOURCE_ID", Issue(capture));
    }

    [Theory]
    [InlineData("/v1/oauth2/token")]
    [InlineData("/checkoutnow")]
    [InlineData("/ipn/send")]
    public async Task A_form_route_sent_JSON_answers_4xx_not_5xx(string path)
    {
        var answer = await _client.PostAsync("/sandbox/paypal" + path, new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.InRange((int)answer.StatusCode, 400, 499);
    }

    [Theory]
    [InlineData("/v1/oauth2/token")]
    [InlineData("/checkoutnow")]
    [InlineData("/webscr")]
    [InlineData("/ipn/send")]
    public async Task A_form_route_sent_JSON_is_PayPals_400_MALFORMED_REQUEST(string path) =>
        Assert.Equal("MALFORMED_REQUEST", Issue(AssertPayPalError(await CallAsync(HttpMethod.Post, path, "{}", authorized: false), HttpStatusCode.BadRequest, "INVALID_REQUEST")));

    [Theory]
    [InlineData("GET", "/v1/oauth2/token")]
    [InlineData("POST", "/v2/checkout/orders/NOSUCH")]
    [InlineData("GET", "/v2/checkout/orders/NOSUCH/capture")]
    [InlineData("POST", "/v2/payments/refunds/NOSUCH")]
    [InlineData("POST", "/v1/notifications/webhooks")]
    [InlineData("GET", "/ipn")]
    [InlineData("GET", "/ipn/send")]
    [InlineData("GET", "/webscr")]
    [InlineData("GET", "/captures/NOSUCH/complete")]
    [InlineData("POST", "/v3/anything")]
    [InlineData("POST", "/")]
    public async Task A_route_or_method_the_sandbox_does_not_have_is_a_bare_404(string method, string path)
    {
        var answer = await CallAsync(new HttpMethod(method), path, authorized: false);

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Null(answer.Body);
    }

    [Fact]
    public async Task Business_errors_are_422_UNPROCESSABLE_ENTITY_with_PayPals_issue_and_unknown_ids_404()
    {
        var created = await CallAsync(HttpMethod.Post, "/v2/checkout/orders", Minimal);
        var id = created.Body!["id"]!.GetValue<string>();

        Assert.Equal("ORDER_NOT_APPROVED", Issue(AssertPayPalError(await CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{id}/capture", "{}"),
            HttpStatusCode.UnprocessableEntity, "UNPROCESSABLE_ENTITY")));
        Assert.Equal("INVALID_RESOURCE_ID", Issue(AssertPayPalError(await CallAsync(HttpMethod.Get, "/v2/checkout/orders/NOSUCH"), HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND")));
        Assert.Equal("DECIMAL_PRECISION", Issue(AssertPayPalError(await CallAsync(HttpMethod.Post, "/v2/checkout/orders",
            Minimal.Replace("14.99", "14.999")), HttpStatusCode.UnprocessableEntity, "UNPROCESSABLE_ENTITY")));
        Assert.Equal("CANNOT_BE_ZERO_OR_NEGATIVE", Issue(AssertPayPalError(await CallAsync(HttpMethod.Post, "/v2/checkout/orders",
            Minimal.Replace("14.99", "0.00")), HttpStatusCode.UnprocessableEntity, "UNPROCESSABLE_ENTITY")));
        await ApproveAsync(id);
        Assert.Equal(HttpStatusCode.Created, (await CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{id}/capture", "{}")).Status);
        Assert.Equal("ORDER_ALREADY_CAPTURED", Issue(AssertPayPalError(await CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{id}/capture", "{}"),
            HttpStatusCode.UnprocessableEntity, "UNPROCESSABLE_ENTITY")));
    }

    [Fact]
    public async Task A_capture_carries_self_refund_and_up_links_that_resolve()
    {
        var (capture, order) = await CapturedAsync();
        var id = capture["id"]!.GetValue<string>();

        Assert.Equal("refund,self,up", Rels(capture));
        var fetched = await CallAsync(HttpMethod.Get, $"/v2/payments/captures/{id}");
        Assert.Equal(HttpStatusCode.OK, fetched.Status);
        Assert.Equal("COMPLETED", fetched.Body!["status"]!.GetValue<string>());
        Assert.Equal("14.99", fetched.Body["amount"]!["value"]!.GetValue<string>());
        var up = await CallAsync(HttpMethod.Get, new Uri(Href(capture, "up")).AbsolutePath["/sandbox/paypal".Length..]);
        Assert.Equal(order["id"]!.GetValue<string>(), up.Body!["id"]!.GetValue<string>());
        Assert.EndsWith($"/sandbox/paypal/v2/payments/captures/{id}/refund", Href(capture, "refund"));
    }

    [Theory]
    [InlineData("GET", "/v2/payments/captures/ANY")]
    [InlineData("POST", "/v2/payments/captures/ANY/refund")]
    [InlineData("GET", "/v2/payments/refunds/ANY")]
    public async Task Payments_routes_need_a_token_like_the_orders_routes(string method, string path)
    {
        var answer = await CallAsync(new HttpMethod(method), path, method == "POST" ? "{}" : null, authorized: false);
        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("invalid_token", answer.Body!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Refunds_in_part_then_in_full_replay_by_request_id_and_refuse_what_exceeds_the_capture()
    {
        var (capture, _) = await CapturedAsync();
        var id = capture["id"]!.GetValue<string>();
        var part = """{"amount":{"currency_code":"EUR","value":"4.99"},"note_to_payer":"part"}""";

        var first = await CallAsync(HttpMethod.Post, $"/v2/payments/captures/{id}/refund", part, requestId: "refund-A");
        var replay = await CallAsync(HttpMethod.Post, $"/v2/payments/captures/{id}/refund", part, requestId: "refund-A");
        var minimal = await CallAsync(HttpMethod.Post, $"/v2/payments/captures/{id}/refund", part, requestId: "refund-A", representation: false);

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal("COMPLETED", first.Body!["status"]!.GetValue<string>());
        Assert.Equal("4.99", first.Body["amount"]!["value"]!.GetValue<string>());
        Assert.Equal("self,up", Rels(first.Body));
        Assert.Equal(first.Body["id"]!.GetValue<string>(), replay.Body!["id"]!.GetValue<string>());
        Assert.Equal(["id", "links", "status"], minimal.Body!.AsObject().Select(p => p.Key).Order());
        Assert.Equal("PARTIALLY_REFUNDED", (await CallAsync(HttpMethod.Get, $"/v2/payments/captures/{id}")).Body!["status"]!.GetValue<string>());

        Assert.Equal("REFUND_AMOUNT_EXCEEDED", Issue(AssertPayPalError(await CallAsync(HttpMethod.Post, $"/v2/payments/captures/{id}/refund",
            """{"amount":{"currency_code":"EUR","value":"10.01"}}"""), HttpStatusCode.UnprocessableEntity, "UNPROCESSABLE_ENTITY")));
        Assert.Equal("REFUND_CAPTURE_CURRENCY_MISMATCH", Issue(AssertPayPalError(await CallAsync(HttpMethod.Post, $"/v2/payments/captures/{id}/refund",
            """{"amount":{"currency_code":"USD","value":"1.00"}}"""), HttpStatusCode.UnprocessableEntity, "UNPROCESSABLE_ENTITY")));
        Assert.Equal("INVALID_PARAMETER_VALUE", Issue(AssertPayPalError(await CallAsync(HttpMethod.Post, $"/v2/payments/captures/{id}/refund",
            """{"amount":{"currency_code":"EUR","value":1}}"""), HttpStatusCode.BadRequest, "INVALID_REQUEST")));
        Assert.Equal("MALFORMED_REQUEST_JSON", Issue(AssertPayPalError(await CallAsync(HttpMethod.Post, $"/v2/payments/captures/{id}/refund", "[]"),
            HttpStatusCode.BadRequest, "INVALID_REQUEST")));

        var rest = await CallAsync(HttpMethod.Post, $"/v2/payments/captures/{id}/refund", null);
        Assert.Equal("10.00", rest.Body!["amount"]!["value"]!.GetValue<string>());
        Assert.Equal("14.99", rest.Body["seller_payable_breakdown"]!["total_refunded_amount"]!["value"]!.GetValue<string>());
        var fetched = await CallAsync(HttpMethod.Get, $"/v2/payments/refunds/{rest.Body["id"]!.GetValue<string>()}");
        Assert.Equal(HttpStatusCode.OK, fetched.Status);
        Assert.EndsWith($"/v2/payments/captures/{id}", Href(fetched.Body, "up"));
        Assert.Equal("REFUNDED", (await CallAsync(HttpMethod.Get, $"/v2/payments/captures/{id}")).Body!["status"]!.GetValue<string>());
        Assert.Equal("CAPTURE_FULLY_REFUNDED", Issue(AssertPayPalError(await CallAsync(HttpMethod.Post, $"/v2/payments/captures/{id}/refund", "{}"),
            HttpStatusCode.UnprocessableEntity, "UNPROCESSABLE_ENTITY")));
        Assert.Equal("INVALID_RESOURCE_ID", Issue(AssertPayPalError(await CallAsync(HttpMethod.Get, "/v2/payments/refunds/NOSUCH"), HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND")));
        Assert.Equal("INVALID_RESOURCE_ID", Issue(AssertPayPalError(await CallAsync(HttpMethod.Post, "/v2/payments/captures/NOSUCH/refund", "{}"), HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND")));
    }

    [Theory]
    [InlineData("pending", "PENDING_CAPTURE")]
    [InlineData("decline", "REFUND_NOT_ALLOWED")]
    public async Task A_capture_that_is_not_completed_is_not_refunded(string choice, string issue)
    {
        var created = await CallAsync(HttpMethod.Post, "/v2/checkout/orders", Minimal);
        var id = created.Body!["id"]!.GetValue<string>();
        await _client.PostAsync("/sandbox/paypal/checkoutnow", new FormUrlEncodedContent([new("token", id), new("choice", choice)]));
        var captured = await CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{id}/capture", "{}");
        var capture = captured.Body!["purchase_units"]![0]!["payments"]!["captures"]![0]!["id"]!.GetValue<string>();

        Assert.Equal(issue, Issue(AssertPayPalError(await CallAsync(HttpMethod.Post, $"/v2/payments/captures/{capture}/refund", "{}"),
            HttpStatusCode.UnprocessableEntity, "UNPROCESSABLE_ENTITY")));
    }

    [Fact]
    public async Task A_refund_through_the_API_notifies_the_shop_which_applies_it_and_the_events_up_link_resolves()
    {
        var order = await _client.PlaceAsync("paypal", ("MUG-001", 1));
        await _client.ReturnAsync(await _client.ChooseAsync(await _client.StartOrderAsync(order), "approve"));
        var attempt = (await shop.BillAsync(order.Reference)).LatestAttempt!.Reference;
        var capture = shop.Sandbox.FindOrder(attempt)!.Value.CaptureId!;

        var refund = await CallAsync(HttpMethod.Post, $"/v2/payments/captures/{capture}/refund", "{}");

        Assert.Equal(HttpStatusCode.Created, refund.Status);
        Assert.Equal(attempt, refund.Body!["custom_id"]!.GetValue<string>());
        Assert.Equal("PAYBACK", (await _client.BillAsync(order.Reference)).State);
        var up = await CallAsync(HttpMethod.Get, new Uri(Href(refund.Body, "up")).AbsolutePath["/sandbox/paypal".Length..]);
        Assert.Equal(HttpStatusCode.OK, up.Status);
        Assert.Equal("REFUNDED", up.Body!["status"]!.GetValue<string>());
    }
}
