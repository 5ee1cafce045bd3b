using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.Core;
using Shop.PayModes.Core.Components;
using Shop.PayModes.Core.Sandbox;
using Shop.PayModes.Stripe.Sandbox;
using Shop.Tests.Infrastructure;
using Stripe;

namespace Shop.Tests.PayModes.Stripe.Sandbox;

/// <summary>
/// The shop in test mode with the Stripe mode's API base empty, so the Stripe sandbox serves it, and a Stripe.net
/// client pointed at the sandbox. The sandbox's webhook deliveries go to <see cref="Inbox"/> (the shop as Stripe sees
/// it: an endpoint answering <see cref="WebhookInbox.Answer"/>), so these tests judge the sandbox alone, whatever the
/// mode does with an event. Without the Stripe mode registered (the sandbox is written apart from it), a stand-in
/// mode of code <c>stripe</c> declares the sandbox exactly as the mode does: <see cref="StripeSandbox.AddTo"/>.
/// </summary>
public class StripeSandboxShop : ShopFactory
{
    public StripeSandboxShop() : this(null)
    {
    }

    /// <summary>With settings of its own on top (a shop outside test mode).</summary>
    protected StripeSandboxShop(IDictionary<string, string?>? extra) : base(Settings(extra))
    {
    }

    public static Dictionary<string, string?> Settings(IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Shop:TestMode"] = "true",
            ["PayModes:stripe:Enabled"] = "true",
            ["PayModes:stripe:SecretKey"] = ConfiguredSecretKey,
            ["PayModes:stripe:WebhookSecret"] = ConfiguredWebhookSecret,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
            settings[key] = value;
        return settings;
    }

    /// <summary>The owner's own keys: never valid in the sandbox world.</summary>
    public const string ConfiguredSecretKey = "sk_test_51ConfiguredByTheOwner0000000000";
    public const string ConfiguredWebhookSecret = "whsec_configured_by_the_owner_0000000000";

    public WebhookInbox Inbox { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            AddStandInUnlessRegistered(services);
            services.AddHttpClient(SandboxNotifier.ClientName).ConfigurePrimaryHttpMessageHandler(() => new InboxHandler(Inbox));
        });
    }

    /// <summary>The stand-in mode, unless a registered mode already declares the Stripe sandbox (the Stripe mode).</summary>
    public static void AddStandInUnlessRegistered(IServiceCollection services)
    {
        if (!services.Any(d => d.ImplementationInstance is PayModeDeclaration { SandboxRoutes: { } routes } && routes == typeof(StripeSandbox)))
            services.AddPayMode<StandInStripeMode>();
    }

    public string SecretKey => Service<SandboxCredentials>().For("stripe", StripeSandbox.SecretKeySetting);

    public string WebhookSecret => Service<SandboxCredentials>().For("stripe", StripeSandbox.WebhookSecretSetting);

    /// <summary>Stripe.net's own client on the sandbox, as the mode builds it: the API base is the sandbox, retries off.</summary>
    public StripeClient Stripe(string? apiKey = null) =>
        new(apiKey ?? SecretKey, httpClient: new SystemNetHttpClient(CreateClient(), maxNetworkRetries: 0, enableTelemetry: false),
            apiBase: Server.BaseAddress + "sandbox/stripe");

    /// <summary>The address the sandbox may send a buyer back to: the shop's own Stripe endpoints.</summary>
    public static string ShopUrl(string path) => "http://localhost/paymodes/stripe/" + path;
}

/// <summary>The webhook deliveries the sandbox made, as the shop's endpoint received them.</summary>
public sealed class WebhookInbox
{
    public ConcurrentQueue<Delivery> Deliveries { get; } = new();

    /// <summary>What the shop answers each delivery.</summary>
    public HttpStatusCode Answer { get; set; } = HttpStatusCode.OK;

    /// <summary>The deliveries whose event names <paramref name="id"/> (a session, a PaymentIntent), in the order they came.</summary>
    public IReadOnlyList<Delivery> For(string id) => [.. Deliveries.Where(d => d.Body.Contains($"\"{id}\"", StringComparison.Ordinal))];

    /// <summary>The deliveries naming <paramref name="id"/> once there are <paramref name="count"/> (API-caused events go out after the call answers).</summary>
    public async Task<IReadOnlyList<Delivery>> WaitForAsync(string id, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (For(id).Count < count && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        return For(id);
    }
}

public sealed record Delivery(string Url, string Body, string Signature, string? ContentType);

/// <summary>Receives the sandbox's deliveries in place of the shop's notify endpoint.</summary>
public sealed class InboxHandler(WebhookInbox inbox) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(ct);
        inbox.Deliveries.Enqueue(new Delivery(request.RequestUri!.ToString(), body,
            request.Headers.TryGetValues("Stripe-Signature", out var signature) ? signature.Single() : "",
            request.Content?.Headers.ContentType?.ToString()));
        return new HttpResponseMessage(inbox.Answer);
    }
}

/// <summary>The Stripe mode's settings as the sandbox knows them: the two secrets and the API base that selects its world.</summary>
public sealed class StandInStripeSettings : PayModeSettings, IProviderSettings
{
    [Secret]
    public string? SecretKey { get; set; }

    [Secret]
    public string? WebhookSecret { get; set; }

    public string? ApiBaseUrl { get; set; }

    public IEnumerable<string?> ProviderUrls => [ApiBaseUrl];

    public string? ProductionReason => SecretKey?.StartsWith("sk_live_", StringComparison.Ordinal) == true ? "a live secret key" : null;
}

/// <summary>Stands in for the Stripe mode where it is not registered: the code, the world and the sandbox, nothing else.</summary>
public sealed class StandInStripeMode : PayMode<StandInStripeSettings, StandInStripeSelector, StandInStripeForm>, IPayModeRegistration
{
    public static void Register(PayModeBuilder mode) => StripeSandbox.AddTo(mode);

    public override string Code => "stripe";

    public override string Name => "Stripe (stand-in)";

    public override string Description => "Stands in for the Stripe mode in the sandbox's tests.";

    public override PayModeKind Kind => PayModeKind.Redirect;

    public override void MapEndpoints(IEndpointRouteBuilder group)
    {
    }
}

public sealed class StandInStripeSelector : PayModeSelector<StandInStripeSettings>
{
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenComponent<SelectorCard>(0);
        builder.AddComponentParameter(1, nameof(SelectorCard.Mode), Mode);
        builder.CloseComponent();
    }
}

public sealed class StandInStripeForm : PayModeSettingsForm<StandInStripeSettings>
{
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenComponent<SettingsFormShell>(0);
        builder.AddComponentParameter(1, nameof(SettingsFormShell.Settings), Settings);
        builder.AddComponentParameter(2, nameof(SettingsFormShell.Code), "stripe");
        builder.AddComponentParameter(3, nameof(SettingsFormShell.OnValidSubmit), OnValidSubmit);
        builder.AddComponentParameter(4, nameof(SettingsFormShell.ChildContent), (RenderFragment)(_ => { }));
        builder.CloseComponent();
    }
}
