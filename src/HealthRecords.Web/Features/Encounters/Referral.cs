using HealthRecords.Domain.Encounters;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HealthRecords.Web.Features.Encounters;

/// <summary>
/// 双向转诊 (004 附件7): the transfer-out with its stub, the transfer-back with its stub once it arrives, and the
/// result of following it up. Open while <see cref="ResultOn"/> is null (<see cref="ReferralRules.IsOpen"/>).
/// </summary>
public sealed class Referral : ServiceForm
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

    public override DateOnly ServiceDate => ReferredOn;

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

internal sealed class ReferralConfiguration : FormConfiguration<Referral>
{
    protected override void Configure(EntityTypeBuilder<Referral> e, ModelOptions o)
    {
        e.ToTable("Referrals");
        e.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.ToInstitution).HasMaxLength(100);
        e.Property(x => x.Form).IsDocument(o);
        e.Property(x => x.Back).IsDocument(o);
        e.Property(x => x.Result).IsDocument(o);
        e.HasOne<Encounter>().WithMany().HasForeignKey(x => x.EncounterId).OnDelete(DeleteBehavior.SetNull);
        e.HasIndex(x => new { x.HealthRecordId, x.ReferredOn });
        e.HasIndex(x => x.ReferredOn);
        // Open referrals by due day: the work list and the institution's open list.
        e.HasIndex(x => new { x.ResultOn, x.FollowUpDue });
        e.HasIndex(x => x.EncounterId);
    }
}
