using System.Collections;
using System.Reflection;
using HealthRecords.Web.Features.Residents;

namespace HealthRecords.Web.Features.Security;

/// <summary>
/// The one rule for ID numbers and phones a page shows or prints (issue #14): full only to a role that may see full
/// identity (<see cref="Permission.SeeFullIdentity"/>) on a record in its own scope (not lent), as on the cover and the
/// card; everyone else gets every ID number and phone masked. <see cref="Masked{T}"/> masks a whole view or form, however
/// deep, by the same property names the API's JSON backstop masks (<see cref="SensitiveNumbersJson.IsSensitive"/>), so a
/// service added later is covered without code of its own: the kernel applies it to every service form read
/// (<see cref="Kernel.FormReader"/>) and to every print page (<see cref="Kernel.PrintPageBase{TView}"/>).
/// </summary>
public static class SensitiveNumbers
{
    /// <summary>True when the user may see full numbers of a record they read with this access.</summary>
    public static bool MaySeeFull(DataScope user, RecordAccess access) =>
        access == RecordAccess.InScope && user.Can(Permission.SeeFullIdentity);

    /// <summary>
    /// A copy of <paramref name="value"/> with every string property named like an ID number or a phone masked, in it
    /// and in every object and list of this application's types it holds. The value itself is not changed.
    /// </summary>
    public static T Masked<T>(T value) where T : class => (T)Copy(value, 0)!;

    private const int MaxDepth = 12;

    private static object? Copy(object? value, int depth)
    {
        if (value is null || depth > MaxDepth)
        {
            return value;
        }
        var type = value.GetType();
        if (value is IList list && Element(type) is { } element && IsOurs(element))
        {
            var items = list.Cast<object?>().Select(item => Copy(item, depth + 1)).ToList();
            if (type.IsArray)
            {
                var array = Array.CreateInstance(element, items.Count);
                for (var i = 0; i < items.Count; i++)
                {
                    array.SetValue(items[i], i);
                }
                return array;
            }
            var copy = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            foreach (var item in items)
            {
                copy.Add(item);
            }
            return copy;
        }
        if (!IsOurs(type))
        {
            return value;
        }
        var clone = MemberwiseCloneMethod.Invoke(value, null)!;
        foreach (var property in Writable(type))
        {
            var current = property.GetValue(clone);
            if (property.PropertyType == typeof(string))
            {
                if (SensitiveNumbersJson.IsSensitive(property.Name, out var isId))
                {
                    property.SetValue(clone, Masking.Mask(current as string, isId));
                }
            }
            else if (current is not null && !property.PropertyType.IsValueType)
            {
                var masked = Copy(current, depth + 1);
                if (!ReferenceEquals(masked, current) && property.PropertyType.IsInstanceOfType(masked))
                {
                    property.SetValue(clone, masked);
                }
            }
        }
        return clone;
    }

    private static readonly MethodInfo MemberwiseCloneMethod =
        typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!;

    /// <summary>Types of this application (views, forms, documents): the only ones walked into.</summary>
    private static bool IsOurs(Type type) =>
        type.IsClass && type != typeof(string) && type.Namespace?.StartsWith("HealthRecords.", StringComparison.Ordinal) == true;

    private static Type? Element(Type listType) =>
        listType.IsArray ? listType.GetElementType()
        : listType.IsGenericType && listType.GetGenericArguments() is [var only] ? only
        : null;

    private static IEnumerable<PropertyInfo> Writable(Type type) =>
        type.GetProperties(BindingFlags.Instance | BindingFlags.Public)
            .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0 && p.SetMethod!.IsPublic);
}
