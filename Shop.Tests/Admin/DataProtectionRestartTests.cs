using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.Core;
using Shop.Tests.Infrastructure;

namespace Shop.Tests.Admin;

public sealed class DataProtectionRestartTests
{
    [Fact]
    public async Task A_secret_saved_by_one_instance_decrypts_in_the_next_one_on_the_same_database()
    {
        var dir = Directory.CreateTempSubdirectory("shop-restart-").FullName;
        var settings = new Dictionary<string, string?> { ["Shop:DataDirectory"] = dir };
        using (var first = new VaultShopFactory(settings))
        {
            await first.InScopeAsync(async sp =>
            {
                var store = sp.GetRequiredService<IPayModeSettingsStore>();
                await store.SaveAsync((await store.GetAsync("vault")) with { Settings = new VaultSettings { AccountId = "acct", ApiKey = VaultPayMode.SecretValue } });
                return 0;
            });
        }
        Assert.False(Directory.Exists(Path.Combine(dir, "keys")), "keys belong in the database, not in files");

        using var second = new VaultShopFactory(settings);
        var read = await second.InScopeAsync(sp => sp.GetRequiredService<IPayModeSettingsStore>().GetSettingsAsync<VaultSettings>("vault"));
        Assert.Equal(VaultPayMode.SecretValue, read.ApiKey);
    }
}
