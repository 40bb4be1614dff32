using HealthRecords.Domain.Examinations;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HealthRecords.Web.Features.Examinations;

/// <summary>
/// One 健康体检表 of one resident. The form is stored whole as a JSON document (<see cref="Form"/>); the columns
/// beside it are promoted copies for lists and measures, written only by <see cref="Apply"/>.
/// One examination per resident per date (unique index).
/// </summary>
public sealed class Examination : ServiceForm
{
    public DateOnly ExamDate { get; set; }
    /// <summary>Blood pressure shown in lists: the left arm, or the right where only the right was measured.</summary>
    public int? Systolic { get; set; }
    public int? Diastolic { get; set; }
    public double? Bmi { get; set; }
    public SelfCareLevel? SelfCareLevel { get; set; }
    public HealthEvaluation? Evaluation { get; set; }
    /// <summary>填写完整 (Domain ExaminationCompleteness) for the resident as they were when saved.</summary>
    public bool Complete { get; set; }
    public HealthExamination Form { get; set; } = new();

    public override DateOnly ServiceDate => ExamDate;

    /// <summary>Stores the (already computed and checked) form and copies the promoted columns from it.</summary>
    public void Apply(HealthExamination form, bool complete)
    {
        Form = form;
        ExamDate = form.ExamDate;
        var g = form.General;
        (Systolic, Diastolic) = g.SystolicLeft is not null ? (g.SystolicLeft, g.DiastolicLeft) : (g.SystolicRight, g.DiastolicRight);
        Bmi = g.Bmi is decimal b ? (double)b : null;
        SelfCareLevel = g.SelfCareLevel;
        Evaluation = form.Evaluation;
        Complete = complete;
    }
}

/// <summary>The examinations table.</summary>
internal sealed class ExaminationConfiguration : FormConfiguration<Examination>
{
    protected override void Configure(EntityTypeBuilder<Examination> e, ModelOptions o)
    {
        e.ToTable("HealthExaminations");
        e.Property(x => x.Form).IsDocument(o);
        e.HasIndex(x => new { x.HealthRecordId, x.ExamDate }).IsUnique();
        var byDate = e.HasIndex(x => x.ExamDate);
        if (o.Postgres)
        {
            // The dashboard's examination measures read a year's examinations from this index alone (DashboardIndexes).
            byDate.IncludeProperties(x => new { x.HealthRecordId, x.Complete });
        }
    }
}
