namespace HealthRecords.Web.Features.Chronic;

/// <summary>A blood pressure reading taken for hypertension screening (004 高血压 二(一)), 35 and over.</summary>
public sealed class ScreeningBloodPressure
{
    public long Id { get; set; }
    public long HealthRecordId { get; set; }
    public DateOnly TakenOn { get; set; }
    public int Systolic { get; set; }
    public int Diastolic { get; set; }
    /// <summary>The resident has high-risk factors (高危人群): reminded every 6 months.</summary>
    public bool HighRisk { get; set; }
    public string TakenById { get; set; } = "";
    public string TakenByName { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
}

internal sealed class ScreeningBloodPressureConfiguration : IEntityConfiguration
{
    public void Configure(ModelBuilder b, ModelOptions o) => b.Entity<ScreeningBloodPressure>(e =>
    {
        e.ToTable("ScreeningBloodPressures");
        e.Property(x => x.TakenById).HasMaxLength(450);
        e.Property(x => x.TakenByName).HasMaxLength(100);
        e.HasOne<HealthRecord>().WithMany().HasForeignKey(x => x.HealthRecordId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.HealthRecordId, x.TakenOn });
    });
}
