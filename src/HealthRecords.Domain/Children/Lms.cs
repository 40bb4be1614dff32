namespace HealthRecords.Domain.Children;

/// <summary>
/// One row of a WHO growth table: the Box-Cox power L, median M and coefficient of variation S at one age or body size
/// (WHO Child Growth Standards, Methods and development, 2006, chapter 7).
/// </summary>
internal readonly record struct Lms(double L, double M, double S)
{
    /// <summary>The plain LMS z-score: z = ((y/M)^L − 1) / (L·S); the limit ln(y/M)/S when L = 0.</summary>
    public double Z(double y) => Math.Abs(L) < 1e-12 ? Math.Log(y / M) / S : (Math.Pow(y / M, L) - 1) / (L * S);

    /// <summary>The measurement at z standard deviations: SD(z) = M·(1 + L·S·z)^(1/L); M·e^(S·z) when L = 0.</summary>
    public double ValueAt(double z) => Math.Abs(L) < 1e-12 ? M * Math.Exp(S * z) : M * Math.Pow(1 + L * S * z, 1 / L);

    /// <summary>
    /// WHO's restricted z-score for weight-based indicators (chapter 7): beyond ±3 the distance is measured in units of
    /// the 2–3 SD band on that side, because the LMS curve's tail is skewed there.
    /// </summary>
    public double RestrictedZ(double y)
    {
        var z = Z(y);
        if (z > 3)
        {
            var sd3 = ValueAt(3);
            return 3 + (y - sd3) / (sd3 - ValueAt(2));
        }
        if (z < -3)
        {
            var sd3 = ValueAt(-3);
            return -3 + (y - sd3) / (ValueAt(-2) - sd3);
        }
        return z;
    }

    /// <summary>Linear interpolation of each of L, M and S, as WHO's programmes do between table rows.</summary>
    public static Lms Between(Lms low, Lms high, double fraction) => new(
        low.L + fraction * (high.L - low.L),
        low.M + fraction * (high.M - low.M),
        low.S + fraction * (high.S - low.S));
}

/// <summary>
/// One WHO table (<c>Data/Children/*.txt</c>, tab-separated as WHO ships it in its anthro and anthroplus packages):
/// rows by sex (1 boy, 2 girl) and a key, which is age in days, age in months, or length/height in cm at 0.1 cm steps.
/// </summary>
internal sealed class LmsTable
{
    private readonly Dictionary<(int Sex, int Key), Lms> rows;

    private LmsTable(string name, Dictionary<(int, int), Lms> rows, int keyScale)
    {
        Name = name;
        this.rows = rows;
        KeyScale = keyScale;
        MinKey = rows.Keys.Min(k => k.Item2) / (double)keyScale;
        MaxKey = rows.Keys.Max(k => k.Item2) / (double)keyScale;
    }

    public string Name { get; }
    /// <summary>10 for tables keyed by length in tenths of a cm, 1 for tables keyed by whole days or months.</summary>
    public int KeyScale { get; }
    public double MinKey { get; }
    public double MaxKey { get; }

    /// <summary>The row at an exact key (a whole day or month, or a length at 0.1 cm), or null outside the table.</summary>
    public Lms? At(int sex, int scaledKey) => rows.TryGetValue((sex, scaledKey), out var lms) ? lms : null;

    /// <summary>
    /// The row at a key between two table rows, L, M and S interpolated linearly (WHO anthro for weight-for-length/height,
    /// anthroplus for ages in months); null when either neighbour is outside the table.
    /// </summary>
    public Lms? Interpolated(int sex, decimal key)
    {
        var scaled = key * KeyScale;
        var low = (int)decimal.Floor(scaled);
        var fraction = (double)(scaled - low);
        if (At(sex, low) is not Lms lower)
        {
            return null;
        }
        if (fraction == 0)
        {
            return lower;
        }
        return At(sex, low + 1) is Lms upper ? Lms.Between(lower, upper, fraction) : null;
    }

    public static LmsTable Load(string file, int keyScale)
    {
        using var stream = DataFile.Open("Children", file);
        using var reader = new StreamReader(stream);
        var rows = new Dictionary<(int, int), Lms>();
        reader.ReadLine(); // header: sex, key, l, m, s[, loh]
        while (reader.ReadLine() is { } line)
        {
            var cells = line.TrimEnd('\r').Split('\t');
            if (cells.Length < 5)
            {
                continue;
            }
            var key = decimal.Parse(cells[1], CultureInfo.InvariantCulture) * keyScale;
            rows[(int.Parse(cells[0], CultureInfo.InvariantCulture), (int)key)] = new Lms(
                double.Parse(cells[2], CultureInfo.InvariantCulture),
                double.Parse(cells[3], CultureInfo.InvariantCulture),
                double.Parse(cells[4], CultureInfo.InvariantCulture));
        }
        return new LmsTable(file, rows, keyScale);
    }
}
