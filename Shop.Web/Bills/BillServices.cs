using Shop.PayModes.Core;

namespace Shop.Web.Bills;

public static class BillServices
{
    /// <summary>The bill domain: its write side (also the pay modes' gateway), its read side and its counters.</summary>
    public static IServiceCollection AddBillServices(this IServiceCollection services)
    {
        services.AddScoped<BillService>();
        services.AddScoped<IBillGateway>(sp => sp.GetRequiredService<BillService>());
        services.AddScoped<BillQueries>();
        services.AddScoped<NamedCounters>();
        return services;
    }
}
