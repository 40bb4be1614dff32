using System.Text.Json;
using System.Text.Json.Nodes;
using HealthRecords.Domain.MentalHealth;

namespace HealthRecords.Web.Features.MentalHealth;

/// <summary>What a staff account is designated as for the severe mental disorders service.</summary>
public enum MentalHealthDuty
{
    /// <summary>精神卫生专业人员 of their own institution: sees the restricted fields of the patients their institution manages.</summary>
    InstitutionStaff = 1,
    /// <summary>区县精神卫生监管人员: a county supervisor who sees the restricted fields of every patient of the county.</summary>
    CountySupervisor = 2,
}

/// <summary>
/// A staff account designated for the severe mental disorders service (issue #19 stricter privacy). The roles of the
/// system say what a user may do and where; they do not say who is a mental-health professional, so this designation
/// is the one extra fact: given by the institution's administrator (their own staff) or the system administrator.
/// </summary>
public sealed class MentalHealthStaffDesignation
{
    public string UserId { get; set; } = "";
    public MentalHealthDuty Duty { get; set; }
    public string DesignatedById { get; set; } = "";
    public DateTime DesignatedAtUtc { get; set; }
}

internal sealed class MentalHealthStaffConfiguration : IEntityConfiguration
{
    public void Configure(ModelBuilder model, ModelOptions o) => model.Entity<MentalHealthStaffDesignation>(e =>
    {
        e.ToTable("MentalHealthStaff");
        e.HasKey(x => x.UserId);
        e.Property(x => x.UserId).HasMaxLength(450);
        e.Property(x => x.DesignatedById).HasMaxLength(450);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    });
}

/// <summary>
/// Who may see a patient's restricted fields (diagnosis, 患病对家庭社会的影响, police contacts; the list is the domain's
/// <see cref="MentalHealthPrivacy.Fields"/>): the record's responsible doctor, a designated mental-health professional of
/// the managing institution, a designated county mental-health supervisor (<see cref="MentalHealthPrivacy.MaySee"/>).
/// Everyone else who may read the record gets the forms with those fields nulled and their paths listed.
/// </summary>
public sealed class MentalHealthViewers(HealthRecordsDbContext db)
{
    /// <summary>The viewer's relation to one record (one query).</summary>
    public async Task<MentalHealthViewer> OfAsync(DataScope user, long recordId, CancellationToken ct)
    {
        var userId = user.UserId;
        var staff = db.MentalHealthStaff;
        var record = await db.HealthRecords.AsNoTracking().Where(r => r.Id == recordId)
            .Select(r => new
            {
                r.ResponsibleDoctorId,
                r.ManagingInstitutionId,
                Duty = staff.Where(s => s.UserId == userId).Select(s => (MentalHealthDuty?)s.Duty).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (record is null || userId.Length == 0)
        {
            return new MentalHealthViewer(false, false, false);
        }
        return new MentalHealthViewer(
            IsResponsibleDoctor: record.ResponsibleDoctorId == userId,
            IsMentalHealthStaff: record.Duty == MentalHealthDuty.InstitutionStaff && user.InstitutionId == record.ManagingInstitutionId,
            IsCountyMentalHealthSupervisor: record.Duty == MentalHealthDuty.CountySupervisor && user.Role == Roles.Supervisor);
    }

    public async Task<bool> MaySeeAsync(DataScope user, long recordId, CancellationToken ct) =>
        MentalHealthPrivacy.MaySee(await OfAsync(user, recordId, ct));

    /// <summary>
    /// A stored form as the viewer may see it: the document as JSON with its phones masked, the restricted fields masked unless <paramref name="maySee"/>; the paths
    /// masked. Beyond the domain's list the host also masks a follow-up's <c>assessment</c> (the symptom and reaction
    /// judgements) and its <c>overrideReason</c>, which repeats the restricted facts ("危险性3级").
    /// </summary>
    public static (JsonObject Form, IReadOnlyList<string> Masked) Shown<T>(T form, string formName, bool maySee)
    {
        // ID numbers and phones masked as in every answer (Security/SensitiveNumbersJson: the backstop does not see into a JsonObject)
        var body = JsonSerializer.SerializeToNode(form, Security.SensitiveNumbersJson.Masked(JsonDocuments.Options))!.AsObject();
        if (maySee)
        {
            return (body, Array.Empty<string>());
        }
        var masked = MentalHealthPrivacy.Mask(body, formName).ToList();
        if (formName == MentalHealthPrivacy.FollowUpForm)
        {
            foreach (var path in FollowUpAlsoMasked.Where(body.ContainsKey))
            {
                body[path] = null;
                masked.Add(path);
            }
        }
        return (body, masked);
    }

    private static readonly string[] FollowUpAlsoMasked = ["assessment", "overrideReason"];
}
