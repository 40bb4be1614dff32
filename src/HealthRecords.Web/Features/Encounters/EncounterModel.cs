using System.Text.Json;
using HealthRecords.Domain.Encounters;
using HealthRecords.Web.Data;
using HealthRecords.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HealthRecords.Web.Features.Encounters;

/// <summary>Fields every stored "other medical service" form shares: its record, who made it, its version.</summary>
public abstract class ServiceFormEntity
{
    public long Id { get; set; }
    public long HealthRecordId { get; set; }
    /// <summary>The institution of the user who entered it.</summary>
    public int? InstitutionId { get; set; }
    public required string CreatedById { get; set; }
    public string CreatedByName { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    /// <summary>Optimistic concurrency token: every save increments it; a save with an older value is refused.</summary>
    public int Version { get; set; }
}

/// <summary>接诊记录 (004 附件5): the form as a JSON document, its date promoted.</summary>
public sealed class Encounter : ServiceFormEntity
{
    public DateOnly EncounterDate { get; set; }
    public EncounterForm Form { get; set; } = new();
}

/// <summary>会诊记录 (004 附件6).</summary>
public sealed class Consultation : ServiceFormEntity
{
    public DateOnly ConsultationDate { get; set; }
    public ConsultationForm Form { get; set; } = new();
}

/// <summary>
/// 双向转诊 (004 附件7): the transfer-out with its stub, the transfer-back with its stub once it arrives, and the
/// result of following it up. Open while <see cref="ResultOn"/> is null (<see cref="ReferralRules.IsOpen"/>).
/// </summary>
public sealed class Referral : ServiceFormEntity
{
    /// <summary>The encounter the referral was made from, if any.</summary>
    public long? EncounterId { get; set; }
    public DateOnly ReferredOn { get; set; }
    /// <summary><see cref="ReferralRules.FollowUpDue"/> of <see cref="ReferredOn"/>.</summary>
    public DateOnly FollowUpDue { get; set; }
    public string ToInstitution { get; set; } = "";
    /// <summary>The day the result was followed up; null while the referral is open.</summary>
    public DateOnly? ResultOn { get; set; }
    public ReferralOut Form { get; set; } = new();
    public TransferBack? Back { get; set; }
    public ReferralResult? Result { get; set; }

    /// <summary>Copies the promoted columns from the documents. The only writer of those columns.</summary>
    public void Apply(ReferralOut form)
    {
        Form = form;
        ReferredOn = form.ReferredOn!.Value;
        FollowUpDue = ReferralRules.FollowUpDue(ReferredOn);
        ToInstitution = form.ToInstitution!.Trim();
    }

    public void Apply(ReferralResult result, TransferBack? back)
    {
        Result = result;
        Back = back;
        ResultOn = ReferralRules.IsOpen(result) ? null : result.FollowedUpOn;
    }
}

/// <summary>Tables of encounters, consultations and referrals.</summary>
internal static class EncounterModel
{
    public static void Configure(ModelBuilder b, string jsonType)
    {
        b.Entity<Encounter>(e =>
        {
            Common(e);
            Document(e.Property(x => x.Form), jsonType);
            e.HasIndex(x => new { x.HealthRecordId, x.EncounterDate });
            e.HasIndex(x => x.EncounterDate);
        });
        b.Entity<Consultation>(e =>
        {
            Common(e);
            Document(e.Property(x => x.Form), jsonType);
            e.HasIndex(x => new { x.HealthRecordId, x.ConsultationDate });
            e.HasIndex(x => x.ConsultationDate);
        });
        b.Entity<Referral>(e =>
        {
            Common(e);
            e.Property(x => x.ToInstitution).HasMaxLength(100);
            Document(e.Property(x => x.Form), jsonType);
            Document(e.Property(x => x.Back), jsonType);
            Document(e.Property(x => x.Result), jsonType);
            e.HasOne<Encounter>().WithMany().HasForeignKey(x => x.EncounterId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(x => new { x.HealthRecordId, x.ReferredOn });
            e.HasIndex(x => x.ReferredOn);
            // Open referrals by due day: the work list and the institution's open list.
            e.HasIndex(x => new { x.ResultOn, x.FollowUpDue });
            e.HasIndex(x => x.EncounterId);
        });
    }

    private static void Common<T>(EntityTypeBuilder<T> e) where T : ServiceFormEntity
    {
        e.Property(x => x.CreatedById).HasMaxLength(450);
        e.Property(x => x.CreatedByName).HasMaxLength(100);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<HealthRecord>().WithMany().HasForeignKey(x => x.HealthRecordId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }

    private static void Document<T>(PropertyBuilder<T> property, string columnType)
    {
        property
            .HasColumnType(columnType)
            .HasConversion(
                v => JsonSerializer.Serialize(v, ModelConfiguration.Json),
                s => JsonSerializer.Deserialize<T>(s, ModelConfiguration.Json)!,
                new ValueComparer<T>(
                    (l, r) => JsonSerializer.Serialize(l, ModelConfiguration.Json) == JsonSerializer.Serialize(r, ModelConfiguration.Json),
                    v => JsonSerializer.Serialize(v, ModelConfiguration.Json).GetHashCode(StringComparison.Ordinal),
                    v => v));
    }
}
