using HealthRecords.Domain.Examinations;
using HealthRecords.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Features.Examinations;

/// <summary>
/// One 健康体检表 of one resident. The form is stored whole as a JSON document (<see cref="Form"/>); the columns
/// beside it are promoted copies for lists and measures, written only by <see cref="Apply"/>.
/// One examination per resident per date (unique index).
/// </summary>
public sealed class Examination
{
    public long Id { get; set; }
    public long HealthRecordId { get; set; }
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

    public int InstitutionId { get; set; }
    public required string CreatedById { get; set; }
    public string CreatedByName { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    /// <summary>Optimistic concurrency token: every save increments it; a save with an older value is refused.</summary>
    public int Version { get; set; }

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

/// <summary>The examinations table: one line in ModelConfiguration calls <see cref="Configure"/>.</summary>
internal static class ExaminationModel
{
    public static void Configure(ModelBuilder b, Action<Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<HealthExamination>> document, bool postgres)
    {
        b.Entity<Examination>(e =>
        {
            e.ToTable("HealthExaminations");
            e.Property(x => x.Version).IsConcurrencyToken();
            document(e.Property(x => x.Form));
            e.Property(x => x.CreatedById).HasMaxLength(450);
            e.Property(x => x.CreatedByName).HasMaxLength(100);
            e.HasOne<HealthRecord>().WithMany().HasForeignKey(x => x.HealthRecordId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.HealthRecordId, x.ExamDate }).IsUnique();
            var byDate = e.HasIndex(x => x.ExamDate);
            if (postgres)
            {
                // The dashboard's examination measures read a year's examinations from this index alone (DashboardIndexes).
                byDate.IncludeProperties(x => new { x.HealthRecordId, x.Complete });
            }
        });
    }
}
