using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Shop.Web.Data;

namespace Shop.Tests.Architecture;

/// <summary>
/// Components read and write through services and bind view records: none injects the database or holds one of the
/// shop's entities. Read by reflection over every component under Shop.Web.Components, down to the closures and state
/// machines the compiler makes of its code, and through the Shop.Web records it binds.
/// </summary>
public sealed class ComponentDataAccessTests
{
    private static readonly Assembly Web = typeof(ShopDbContext).Assembly;

    private static readonly HashSet<Type> Entities = EntityTypes();

    [Fact]
    public void No_component_touches_the_DbContext_or_an_entity()
    {
        var components = Web.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && t.Namespace?.StartsWith("Shop.Web.Components", StringComparison.Ordinal) == true)
            .ToList();
        Assert.NotEmpty(components);
        var offences = components.SelectMany(Offences).ToList();
        Assert.True(offences.Count == 0, "Components must go through services and view records:\n" + string.Join('\n', offences));
    }

    [Fact]
    public void The_check_sees_an_injected_factory_an_entity_field_and_an_entity_inside_a_record()
    {
        var offences = Offences(typeof(OffendingComponent));
        Assert.Contains(offences, o => o.Contains(nameof(OffendingComponent.Dbs)) && o.Contains("IDbContextFactory"));
        Assert.Contains(offences, o => o.Contains("_products") && o.Contains(nameof(Product)));
        Assert.Contains(offences, o => o.Contains("_detail") && o.Contains(nameof(Bill)));
        Assert.Contains(offences, o => o.Contains(nameof(Customer)) && o.Contains("<>c"));   // a lambda's parameter, in the closure class
        Assert.Empty(Offences(typeof(CleanComponent)));
    }

    private static HashSet<Type> EntityTypes()
    {
        using var db = new ShopDbContext(new DbContextOptionsBuilder<ShopDbContext>().UseSqlite("Data Source=:memory:").Options);
        return [.. db.Model.GetEntityTypes().Select(e => e.ClrType).Where(t => t.Assembly == Web)];
    }

    private static IEnumerable<string> Offences(Type component)
    {
        foreach (var type in WithNested(component))
        {
            const BindingFlags all = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
            // Accessors, operators and backing fields say again what their property says: left out of the report.
            var uses = type.GetFields(all).Where(f => !f.Name.EndsWith("k__BackingField", StringComparison.Ordinal)).Select(f => (f.Name, f.FieldType))
                .Concat(type.GetProperties(all).Select(p => (p.Name, p.PropertyType)))
                .Concat(type.GetMethods(all).Where(m => !m.IsSpecialName).SelectMany(m => m.GetParameters().Select(p => ($"{m.Name}({p.Name})", p.ParameterType)).Append((m.Name, m.ReturnType))))
                .Concat(type.GetConstructors(all).SelectMany(c => c.GetParameters().Select(p => ($".ctor({p.Name})", p.ParameterType))));
            foreach (var (member, used) in uses)
                if (Forbidden(used, []) is { } found)
                    yield return $"{component.FullName}: {type.Name}.{member} uses {found}";
        }
    }

    private static IEnumerable<Type> WithNested(Type type) =>
        type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic).SelectMany(WithNested).Prepend(type);

    /// <summary>The forbidden type <paramref name="type"/> is or holds, looking through generics, arrays and the public
    /// properties of the shop's own records.</summary>
    private static string? Forbidden(Type type, HashSet<Type> seen)
    {
        if (!seen.Add(type))
            return null;
        if (type.HasElementType)
            return Forbidden(type.GetElementType()!, seen);
        if (Entities.Contains(type) || typeof(DbContext).IsAssignableFrom(type))
            return type.Name;
        if (type.IsGenericType && type.GetGenericTypeDefinition() is var open && (open == typeof(IDbContextFactory<>) || open == typeof(DbSet<>)))
            return type.Name;
        foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : [])
            if (Forbidden(argument, seen) is { } found)
                return $"{type.Name} of {found}";
        if (type.Assembly.GetName().Name?.StartsWith("Shop.", StringComparison.Ordinal) != true || typeof(IComponent).IsAssignableFrom(type) || type.IsEnum)
            return null;
        foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public))
            if (Forbidden(property.PropertyType, seen) is { } found)
                return $"{type.Name}.{property.Name}: {found}";
        return null;
    }

    private sealed record OffendingDetail(Bill Bill);

    private sealed class OffendingComponent : ComponentBase
    {
        [Inject] public IDbContextFactory<ShopDbContext> Dbs { get; set; } = default!;

        private readonly List<Product> _products = [];
        private readonly OffendingDetail? _detail = null;

        public int Count() => _products.Count + (_detail is null ? 0 : 1);

        public int Emails()
        {
            Func<Customer, string> email = c => c.Email;
            return email.GetHashCode();
        }
    }

    private sealed class CleanComponent : ComponentBase
    {
        [Inject] public ShopSettingsStore Store { get; set; } = default!;

        private readonly string _name = "";

        public int Length() => _name.Length;
    }
}
