namespace HealthRecords.Domain.InfectiousDisease;

/// <summary>
/// One box of the card's disease rows: a notifiable disease, or one type of a disease the card splits into boxes
/// (病毒性肝炎 甲型 / 乙型 …, 肺结核 涂阳 / 仅培阳 …).
/// </summary>
/// <param name="Code">The product's stable code ("hepatitis-b"), the same in every list version.</param>
/// <param name="Class">甲类 / 乙类 / 丙类 / 其他.</param>
/// <param name="Group">The card's disease that has boxes ("病毒性肝炎"), or empty.</param>
/// <param name="Name">The box ("乙型"), or the disease itself when there is no group.</param>
/// <param name="ReportWithinTwoHours">Named by 004 二(三)2 for the 2-hour limit besides 甲类 (肺炭疽, 传染性非典型肺炎,
/// 脊髓灰质炎, 人感染高致病性禽流感).</param>
/// <param name="RequiresAcuity">The card's 病例分类(2) 急性/慢性 is filled for it (乙型肝炎, 血吸虫病).</param>
/// <param name="ObservationDays">医学观察期 of close contacts where the disease's protocol fixes one.</param>
public sealed record NotifiableDisease(
    string Code,
    DiseaseClass Class,
    string Group,
    string Name,
    bool ReportWithinTwoHours,
    bool RequiresAcuity,
    int? ObservationDays)
{
    /// <summary>The name as a report prints it: "病毒性肝炎（乙型）", "麻疹".</summary>
    public string DisplayName => Group.Length == 0 ? Name : $"{Group}（{Name}）";

    /// <summary>The disease a missed-report check or a correction compares: the group, or the disease itself.</summary>
    public string GroupKey => Group.Length == 0 ? Code : Group;
}

/// <summary>One version of the statutory list: the diseases to report and from when the version applies.</summary>
/// <param name="Version">"2011"; a card records it.</param>
/// <param name="InForceFrom">The first day the version applies; null for the first version (every earlier date).</param>
/// <param name="Title">Chinese title shown beside the version.</param>
public sealed record DiseaseListVersion(string Version, DateOnly? InForceFrom, string Title, IReadOnlyList<NotifiableDisease> Diseases)
{
    /// <summary>The disease with this code in this version, or null.</summary>
    public NotifiableDisease? Find(string? code) =>
        code is null ? null : Diseases.FirstOrDefault(d => string.Equals(d.Code, code.Trim(), StringComparison.Ordinal));

    /// <summary>The diseases of one class, in the card's order.</summary>
    public IEnumerable<NotifiableDisease> OfClass(DiseaseClass diseaseClass) => Diseases.Where(d => d.Class == diseaseClass);
}

/// <summary>
/// The versions of the statutory disease list (法定传染病病种目录), kept as data in
/// <c>Data/InfectiousDisease/notifiable-diseases-&lt;version&gt;.tsv</c>. The list changes by notice of the health
/// authority (a disease added to a class, moved between classes); a new version is a new file, and every card keeps
/// the version it was filled against so it reads the same forever.
/// </summary>
public static class DiseaseLists
{
    private const string ResourcePrefix = "notifiable-diseases-";
    private static readonly Lazy<IReadOnlyList<DiseaseListVersion>> Loaded = new(LoadAll);

    /// <summary>Every version, oldest first.</summary>
    public static IReadOnlyList<DiseaseListVersion> All => Loaded.Value;

    /// <summary>The newest version: the one new cards use.</summary>
    public static DiseaseListVersion Latest => All[^1];

    /// <summary>The version with this name, or null.</summary>
    public static DiseaseListVersion? Find(string? version) =>
        All.FirstOrDefault(v => string.Equals(v.Version, version?.Trim(), StringComparison.Ordinal));

    /// <summary>The version that applied on a day: the newest whose in-force date is on or before it.</summary>
    // issue #20: the card records the list version it used; a card diagnosed on a day uses the list of that day
    public static DiseaseListVersion InForceOn(DateOnly day) => InForceOn(All, day);

    internal static DiseaseListVersion InForceOn(IReadOnlyList<DiseaseListVersion> versions, DateOnly day) =>
        versions.LastOrDefault(v => v.InForceFrom is null || v.InForceFrom <= day) ?? versions[0];

    /// <summary>Reads one version from its file's text (header lines "# version:", "# in-force-from:", "# title:").</summary>
    public static DiseaseListVersion Parse(string text)
    {
        string? version = null, title = null;
        DateOnly? from = null;
        var diseases = new List<NotifiableDisease>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }
            if (line[0] == '#')
            {
                var header = line.TrimStart('#').Trim();
                if (Header(header, "version:") is { } v)
                {
                    version = v;
                }
                else if (Header(header, "title:") is { } t)
                {
                    title = t;
                }
                else if (Header(header, "in-force-from:") is { } f && f != "-")
                {
                    from = DateOnly.ParseExact(f, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                }
                continue;
            }
            var c = line.Split('\t');
            diseases.Add(new NotifiableDisease(
                Code: c[0].Trim(),
                Class: (DiseaseClass)int.Parse(c[1], CultureInfo.InvariantCulture),
                Group: c[2].Trim(),
                Name: c[3].Trim(),
                ReportWithinTwoHours: c.Length > 4 && c[4].Trim() == "1",
                RequiresAcuity: c.Length > 5 && c[5].Trim() == "1",
                ObservationDays: c.Length > 6 && c[6].Trim().Length > 0 ? int.Parse(c[6], CultureInfo.InvariantCulture) : null));
        }
        if (version is null || title is null)
        {
            throw new InvalidDataException("A disease list needs '# version:' and '# title:' lines.");
        }
        var duplicate = diseases.GroupBy(d => d.Code).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"Disease code '{duplicate.Key}' appears twice in list {version}.");
        }
        return new DiseaseListVersion(version, from, title, diseases);
    }

    private static string? Header(string line, string key) =>
        line.StartsWith(key, StringComparison.Ordinal) ? line[key.Length..].Trim() : null;

    private static IReadOnlyList<DiseaseListVersion> LoadAll()
    {
        var assembly = typeof(DiseaseLists).Assembly;
        var versions = assembly.GetManifestResourceNames()
            .Where(n => n.Contains(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".tsv", StringComparison.Ordinal))
            .Select(n => Parse(DataFiles.Read(n)))
            .OrderBy(v => v.InForceFrom ?? DateOnly.MinValue)
            .ToArray();
        return versions.Length > 0 ? versions : throw new InvalidOperationException("No notifiable disease list is embedded.");
    }
}

/// <summary>Reads this area's embedded data files (<c>Data/InfectiousDisease/</c>).</summary>
internal static class DataFiles
{
    public static string Read(string resourceName)
    {
        using var stream = typeof(DataFiles).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded data file '{resourceName}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The full resource name of a file of this area, found by its file name.</summary>
    public static string Named(string fileName) =>
        typeof(DataFiles).Assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith(fileName, StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"Embedded data file '{fileName}' is missing.");
}
