using HealthRecords.Domain.Children;
using HealthRecords.Web.Data;
using HealthRecords.Web.Data.Entities;
using HealthRecords.Web.Kernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HealthRecords.Web.Features.Children;

/// <summary>
/// One child health check-up (004 0~6岁儿童健康管理服务规范 附件2–4): one column of one of the three forms, stored as
/// the form's own document (<see cref="Infant"/>, <see cref="Toddler"/> or <see cref="Preschool"/>: one is set), with
/// the columns the work list, the measures and the growth chart need promoted beside it. The system's growth judgement
/// (WHO z-scores, 上/中/下, 体格发育评价) is stored beside the doctor's final one. One check-up per child and age.
/// </summary>
public sealed class ChildCheckupVisit : ServiceForm
{
    /// <summary>The check-up (满月 … 6岁); its value is the target age in months.</summary>
    public CheckupAge Age { get; set; }
    public DateOnly VisitDate { get; set; }
    /// <summary>Completed days of age on the visit date (WHO's age).</summary>
    public int AgeInDays { get; set; }
    public decimal? WeightKg { get; set; }
    public decimal? HeightCm { get; set; }
    public MeasurementPosition? Position { get; set; }
    public double? WeightForAgeZ { get; set; }
    public double? HeightForAgeZ { get; set; }
    /// <summary>Weight-for-length/height under 5 years, BMI-for-age from 5 (thinness and overweight).</summary>
    public double? WeightForStatureZ { get; set; }
    public GrowthRating? SuggestedWeightRating { get; set; }
    public GrowthRating? WeightRating { get; set; }
    public GrowthRating? SuggestedHeightRating { get; set; }
    public GrowthRating? HeightRating { get; set; }
    /// <summary>体格发育评价 the system suggests (3~6岁 form), codes joined with ","; empty otherwise.</summary>
    public string SuggestedDevelopment { get; set; } = "";
    /// <summary>体格发育评价 as saved (the doctor's, or the suggestion), codes joined with ",".</summary>
    public string Development { get; set; } = "";
    public string? OverrideReason { get; set; }
    public int? HaemoglobinGPerL { get; set; }
    /// <summary>The health problems the check-up shows (<see cref="ChildHealthProblems.Find"/>), labels joined with "；".</summary>
    public string Problems { get; set; } = "";
    /// <summary>转诊建议 有: followed up within 2 weeks until <see cref="ReferralResultOn"/> is recorded.</summary>
    public bool Referral { get; set; }
    public DateOnly? ReferralResultOn { get; set; }
    public string? ReferralResult { get; set; }
    public DateOnly? NextVisitDate { get; set; }

    public InfantCheckup? Infant { get; set; }
    public ToddlerCheckup? Toddler { get; set; }
    public PreschoolCheckup? Preschool { get; set; }

    public override DateOnly ServiceDate => VisitDate;

    /// <summary>The form, whichever of the three it is.</summary>
    public ChildCheckup Form => (ChildCheckup?)Infant ?? (ChildCheckup?)Toddler ?? Preschool!;

    /// <summary>
    /// Stores the form (with the system's judgement filled where the doctor left it empty) and writes every promoted
    /// column from it. The only writer of those columns.
    /// </summary>
    public ChildCheckupVisit With(ChildCheckup form, CheckupAssessment assessment)
    {
        var j = assessment.Judgement;
        var judged = ChildCheckupValidator.WithJudgement(form, j);
        (Infant, Toddler, Preschool) = (judged as InfantCheckup, judged as ToddlerCheckup, judged as PreschoolCheckup);
        Age = judged.Age;
        VisitDate = judged.VisitDate;
        AgeInDays = assessment.AgeInDays;
        WeightKg = judged.WeightKg;
        HeightCm = judged.HeightCm;
        Position = judged.Position;
        WeightForAgeZ = j.ZScores.WeightForAge;
        HeightForAgeZ = j.ZScores.LengthHeightForAge;
        WeightForStatureZ = j.ZScores.WeightForStature;
        SuggestedWeightRating = j.Weight;
        WeightRating = judged.WeightRating;
        SuggestedHeightRating = j.Height;
        HeightRating = judged.HeightRating;
        SuggestedDevelopment = Codes(j.Development);
        Development = judged is PreschoolCheckup p ? Codes(p.PhysicalDevelopment) : "";
        OverrideReason = string.IsNullOrWhiteSpace(judged.OverrideReason) ? null : judged.OverrideReason.Trim();
        HaemoglobinGPerL = judged.HaemoglobinGPerL;
        Problems = string.Join("；", assessment.Problems.Select(x => x.Problem.Label()));
        var referred = judged.Referral.Advice == ReferralAdvice.Yes;
        if (!referred)
        {
            (ReferralResultOn, ReferralResult) = (null, null);
        }
        Referral = referred;
        NextVisitDate = judged.NextVisitDate;
        return this;
    }

    private static string Codes<T>(IEnumerable<T> values) where T : struct, Enum =>
        string.Join(",", values.Select(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)));
}

internal sealed class ChildCheckupVisitConfiguration : FormConfiguration<ChildCheckupVisit>
{
    protected override void Configure(EntityTypeBuilder<ChildCheckupVisit> e, ModelOptions o)
    {
        e.ToTable("ChildCheckups");
        e.Ignore(x => x.Form);
        e.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.WeightKg).HasPrecision(5, 2);
        e.Property(x => x.HeightCm).HasPrecision(5, 1);
        e.Property(x => x.SuggestedDevelopment).HasMaxLength(20);
        e.Property(x => x.Development).HasMaxLength(20);
        e.Property(x => x.OverrideReason).HasMaxLength(500);
        e.Property(x => x.Problems).HasMaxLength(300);
        e.Property(x => x.ReferralResult).HasMaxLength(500);
        e.Property(x => x.Infant).IsDocument(o);
        e.Property(x => x.Toddler).IsDocument(o);
        e.Property(x => x.Preschool).IsDocument(o);
        // One check-up of each age per child (the validator's duplicate check; the index makes it hold under races).
        e.HasIndex(x => new { x.HealthRecordId, x.Age }).IsUnique();
        e.HasIndex(x => x.VisitDate);
    }
}

/// <summary>The child check-ups as a property of the context, for this area's queries and its tests.</summary>
public static class ChildTables
{
    extension(HealthRecordsDbContext db)
    {
        public DbSet<ChildCheckupVisit> ChildCheckups => db.Set<ChildCheckupVisit>();
    }
}
