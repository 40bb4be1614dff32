using System.Text.Json;
using HealthRecords.Web.Data;
using HealthRecords.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HealthRecords.Web.Features.Chronic;

/// <summary>Tables of chronic disease management: enrolments, follow-ups (forms as JSON documents), screening readings.</summary>
internal static class ChronicModel
{
    public static void Configure(ModelBuilder b, bool postgres)
    {
        var jsonType = postgres ? "jsonb" : "TEXT";
        b.Entity<ChronicEnrolment>(e =>
        {
            e.ToTable("ChronicEnrolments");
            e.Property(x => x.EnrolledById).HasMaxLength(450);
            e.Property(x => x.EnrolledByName).HasMaxLength(100);
            e.Property(x => x.WithdrawReason).HasMaxLength(500);
            e.Property(x => x.RestoreReason).HasMaxLength(500);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasOne<HealthRecord>().WithMany().HasForeignKey(x => x.HealthRecordId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.HealthRecordId, x.Disease }).IsUnique();
            e.HasIndex(x => new { x.Disease, x.Withdrawn });
        });
        b.Entity<ChronicFollowUp>(e =>
        {
            e.ToTable("ChronicFollowUps");
            e.Property(x => x.FastingGlucose).HasPrecision(5, 2);
            e.Property(x => x.OverrideReason).HasMaxLength(500);
            e.Property(x => x.DangerSigns).HasMaxLength(500);
            e.Property(x => x.CreatedById).HasMaxLength(450);
            e.Property(x => x.CreatedByName).HasMaxLength(100);
            e.Property(x => x.Version).IsConcurrencyToken();
            Document(e.Property(x => x.Hypertension), jsonType);
            Document(e.Property(x => x.Diabetes), jsonType);
            e.HasOne<HealthRecord>().WithMany().HasForeignKey(x => x.HealthRecordId).OnDelete(DeleteBehavior.Cascade);
            // One follow-up per disease and day (issue #5 bad input); also the index for "the latest visit" and measures.
            e.HasIndex(x => new { x.HealthRecordId, x.Disease, x.VisitDate }).IsUnique();
            var byDate = e.HasIndex(x => new { x.Disease, x.VisitDate });
            if (postgres)
            {
                // The dashboard's chronic measures read a year's follow-ups from this index alone (DashboardIndexes).
                byDate.IncludeProperties(x => new { x.HealthRecordId, x.FaceToFace, x.Controlled });
            }
            e.HasIndex(x => x.CombinedVisitId);
        });
        b.Entity<ScreeningBloodPressure>(e =>
        {
            e.ToTable("ScreeningBloodPressures");
            e.Property(x => x.TakenById).HasMaxLength(450);
            e.Property(x => x.TakenByName).HasMaxLength(100);
            e.HasOne<HealthRecord>().WithMany().HasForeignKey(x => x.HealthRecordId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.HealthRecordId, x.TakenOn });
        });
    }

    private static void Document<T>(PropertyBuilder<T?> property, string columnType) where T : class =>
        property
            .HasColumnType(columnType)
            .HasConversion(
                v => v == null ? null : JsonSerializer.Serialize(v, ModelConfiguration.Json),
                s => s == null ? null : JsonSerializer.Deserialize<T>(s, ModelConfiguration.Json),
                new ValueComparer<T?>(
                    (l, r) => JsonSerializer.Serialize(l, ModelConfiguration.Json) == JsonSerializer.Serialize(r, ModelConfiguration.Json),
                    v => JsonSerializer.Serialize(v, ModelConfiguration.Json).GetHashCode(StringComparison.Ordinal),
                    v => v));
}
