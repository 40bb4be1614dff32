using System.Collections.Concurrent;
using System.Reflection;

namespace HealthRecords.Domain.Codes;

/// <summary>
/// Reads the <see cref="LabelAttribute"/> of coded options. One place for every code table's labels:
/// users type the form's number, reports print the label.
/// </summary>
public static class CodeLabels
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<CodeOption>> Cache = new();

    /// <summary>The label of one value, or its number when the value is not a defined option.</summary>
    public static string Label<TEnum>(this TEnum value) where TEnum : struct, Enum
    {
        var number = Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var option in Options(typeof(TEnum)))
        {
            if (option.Code == number)
            {
                return option.Label;
            }
        }
        return number.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The options of a code table in the form's order: number and label.</summary>
    public static IReadOnlyList<CodeOption> Options<TEnum>() where TEnum : struct, Enum => Options(typeof(TEnum));

    public static IReadOnlyList<CodeOption> Options(Type enumType) =>
        Cache.GetOrAdd(enumType, static t => t
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => new CodeOption(
                Convert.ToInt32(f.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture),
                f.GetCustomAttribute<LabelAttribute>()?.Text ?? f.Name))
            .OrderBy(o => o.Code)
            .ToArray());

    /// <summary>True when <paramref name="code"/> is one of the table's numbers.</summary>
    public static bool IsDefined<TEnum>(int code) where TEnum : struct, Enum =>
        Options(typeof(TEnum)).Any(o => o.Code == code);
}

/// <summary>One numbered option of a form: the number typed and the label printed.</summary>
public sealed record CodeOption(int Code, string Label);
