using HealthRecords.Domain.Chronic;

namespace HealthRecords.Web.Features.Chronic;

/// <summary>
/// A patient under management for one chronic disease (高血压 or 2型糖尿病患者管理): when and from where they were
/// enrolled, and whether they have been withdrawn (and restored). One row per record and disease.
/// </summary>
public sealed class ChronicEnrolment
{
    public long Id { get; set; }
    public long HealthRecordId { get; set; }
    public ChronicDisease Disease { get; set; }
    public DateOnly EnrolledOn { get; set; }
    public EnrolmentSource Source { get; set; }
    /// <summary>The examination, encounter … the diagnosis came from, when there is one.</summary>
    public long? SourceId { get; set; }
    public string EnrolledById { get; set; } = "";
    public string EnrolledByName { get; set; } = "";
    public bool Withdrawn { get; set; }
    public DateOnly? WithdrawnOn { get; set; }
    public string? WithdrawReason { get; set; }
    public DateOnly? RestoredOn { get; set; }
    public string? RestoreReason { get; set; }
    /// <summary>
    /// The doctor's reason for enrolling a patient under 35 (004 高血压/糖尿病 一: 35 岁及以上); such a patient is managed but
    /// counted in no measure until 35 (<see cref="ChronicMeasureQueries"/>).
    /// </summary>
    public string? BelowTargetAgeReason { get; set; }
    public int Version { get; set; }
}

internal sealed class ChronicEnrolmentConfiguration : IEntityConfiguration
{
    public void Configure(ModelBuilder b, ModelOptions o) => b.Entity<ChronicEnrolment>(e =>
    {
        e.ToTable("ChronicEnrolments");
        e.Property(x => x.EnrolledById).HasMaxLength(450);
        e.Property(x => x.EnrolledByName).HasMaxLength(100);
        e.Property(x => x.WithdrawReason).HasMaxLength(500);
        e.Property(x => x.RestoreReason).HasMaxLength(500);
        e.Property(x => x.BelowTargetAgeReason).HasMaxLength(500);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<HealthRecord>().WithMany().HasForeignKey(x => x.HealthRecordId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.HealthRecordId, x.Disease }).IsUnique();
        e.HasIndex(x => new { x.Disease, x.Withdrawn });
    });
}
