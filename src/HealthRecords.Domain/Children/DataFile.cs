namespace HealthRecords.Domain.Children;

/// <summary>
/// Opens a data file embedded from <c>Data/&lt;folder&gt;/</c>. The csproj names resources after their recursive directory,
/// whose separator is the build machine's ("Data.Children/x" on Linux, "Data.Children\x" on Windows); this finds either.
/// </summary>
internal static class DataFile
{
    public static Stream Open(string folder, string file)
    {
        var assembly = typeof(DataFile).Assembly;
        var prefix = "HealthRecords.Domain.Data." + folder;
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n =>
            n == $"{prefix}/{file}" || n == $"{prefix}\\{file}" || n == $"{prefix}.{file}");
        return (name is null ? null : assembly.GetManifestResourceStream(name))
            ?? throw new InvalidOperationException($"data file {folder}/{file} is missing");
    }

    /// <summary>The names of the files embedded from one folder.</summary>
    public static IReadOnlyList<string> List(string folder)
    {
        var prefix = "HealthRecords.Domain.Data." + folder;
        return typeof(DataFile).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.Length > prefix.Length && n[prefix.Length] is '/' or '\\' or '.')
            .Select(n => n[(prefix.Length + 1)..])
            .Order(StringComparer.Ordinal)
            .ToArray();
    }
}
