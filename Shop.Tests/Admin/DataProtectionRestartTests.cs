using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shop.Web.Data;
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

    [Fact]
    public async Task With_a_certificate_configured_the_key_ring_in_the_database_is_encrypted_too()
    {
        var dir = Directory.CreateTempSubdirectory("shop-keycert-").FullName;
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=shop-keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(Path.Combine(dir, "keys.pfx"), certificate.Export(X509ContentType.Pfx, "pfx-pass"));
        }
        var settings = new Dictionary<string, string?>
        {
            ["Shop:DataDirectory"] = dir,
            ["Shop:KeyProtection:CertificatePath"] = Path.Combine(dir, "keys.pfx"),
            ["Shop:KeyProtection:CertificatePassword"] = "pfx-pass",
        };
        using (var first = new VaultShopFactory(settings))
        {
            await first.InScopeAsync(async sp =>
            {
                var store = sp.GetRequiredService<IPayModeSettingsStore>();
                await store.SaveAsync((await store.GetAsync("vault")) with { Settings = new VaultSettings { AccountId = "acct", ApiKey = VaultPayMode.SecretValue } });
                await using var db = await sp.GetRequiredService<IDbContextFactory<ShopDbContext>>().CreateDbContextAsync();
                var keys = await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync();
                Assert.NotEmpty(keys);
                Assert.All(keys, xml => Assert.Contains("EncryptedData", xml));
                return 0;
            });
        }
        using var second = new VaultShopFactory(settings);
        var read = await second.InScopeAsync(sp => sp.GetRequiredService<IPayModeSettingsStore>().GetSettingsAsync<VaultSettings>("vault"));
        Assert.Equal(VaultPayMode.SecretValue, read.ApiKey);
    }
}
