namespace Shop.Web.Hosting;

public static class ShopHost
{
    /// <summary>The shop's builder, shared by the web server and the command-line verbs.</summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var appDir = AppContext.BaseDirectory;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // A published app finds its wwwroot next to the executable, whatever the working directory.
            ContentRootPath = Directory.Exists(Path.Combine(appDir, "wwwroot")) ? appDir : null,
        });
        builder.WebHost.UseStaticWebAssets();
        return builder;
    }
}
