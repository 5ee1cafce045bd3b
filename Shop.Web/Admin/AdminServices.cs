namespace Shop.Web.Admin;

public static class AdminServices
{
    public static IServiceCollection AddAdminServices(this IServiceCollection services)
    {
        services.AddScoped<AdminBills>();
        services.AddScoped<PayModeAdmin>();
        services.AddScoped<ProductAdmin>();
        return services;
    }
}
