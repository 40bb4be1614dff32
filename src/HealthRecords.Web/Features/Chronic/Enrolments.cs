using HealthRecords.Domain.Chronic;

namespace HealthRecords.Web.Features.Chronic;

/// <summary>Enrols a patient into management for one disease, withdraws them with a reason, and restores them.</summary>
public sealed class Enrolments(HealthRecordsDbContext db, Audit audit, TimeProvider time)
{
    /// <summary>
    /// The diseases a record in the user's scope is under management for (not withdrawn); empty out of scope. For a page
    /// that has already read (and audited) the record, e.g. the examination page's 本次体检同时作为随访 links.
    /// </summary>
    public async Task<IReadOnlyList<ChronicDisease>> ActiveAsync(DataScope user, long recordId, CancellationToken ct) =>
        await ActiveDiseases(db, recordId).Where(_ => user.Apply(db.HealthRecords).Any(r => r.Id == recordId)).ToListAsync(ct);

    /// <summary>The diseases a record is under management for now (enrolled, not withdrawn); unscoped.</summary>
    public static IQueryable<ChronicDisease> ActiveDiseases(HealthRecordsDbContext db, long recordId) =>
        db.Set<ChronicEnrolment>().AsNoTracking().Where(e => e.HealthRecordId == recordId && !e.Withdrawn).Select(e => e.Disease).Distinct();

    public async Task<CommandResult<EnrolmentView>> EnrolAsync(DataScope user, long recordId, ChronicDisease disease, EnrolInput input, CancellationToken ct)
    {
        if (!user.CanEdit)
        {
            return CommandResult<EnrolmentView>.Forbidden("您的角色不能纳入慢病管理");
        }
        var record = await user.Apply(db.HealthRecords).Where(r => r.Id == recordId)
            .Select(r => new { r.Status, r.BirthDate }).FirstOrDefaultAsync(ct);
        if (record is null)
        {
            return CommandResult<EnrolmentView>.NotFound();
        }
        if (record.Status != RecordStatus.Active)
        {
            return CommandResult<EnrolmentView>.Conflict(RecordMessages.ReadOnlyThen("不能纳入管理"));
        }
        var today = time.Today();
        var on = input.EnrolledOn ?? today;
        var errors = new FieldErrors();
        if (on > today)
        {
            errors.Add("enrolledOn", "纳入管理日期不能晚于今天");
        }
        else if (on < record.BirthDate)
        {
            errors.Add("enrolledOn", "纳入管理日期不能早于出生日期");
        }
        else if (ChronicRules.BelowTargetAgeError(record.BirthDate, on, input.BelowTargetAgeReason) is { } young)
        {
            errors.Add("belowTargetAgeReason", young);
        }
        if (input.Source is not EnrolmentSource source || !Enum.IsDefined(source))
        {
            errors.Add("source", "请选择来源：1 个人基本信息表 2 健康体检 3 门诊就诊 4 直接纳入");
            source = EnrolmentSource.Direct;
        }
        if (errors.Count > 0)
        {
            return CommandResult<EnrolmentView>.Invalid(errors);
        }
        if (await db.Set<ChronicEnrolment>().AnyAsync(e => e.HealthRecordId == recordId && e.Disease == disease, ct))
        {
            return CommandResult<EnrolmentView>.Conflict($"该居民已纳入{disease.Label()}患者管理");
        }
        var enrolment = new ChronicEnrolment
        {
            HealthRecordId = recordId, Disease = disease, EnrolledOn = on, Source = source, SourceId = input.SourceId,
            EnrolledById = user.UserId, EnrolledByName = user.DisplayName,
            BelowTargetAgeReason = ChronicRules.IsTarget(record.BirthDate, on) || string.IsNullOrWhiteSpace(input.BelowTargetAgeReason)
                ? null : input.BelowTargetAgeReason.Trim(),
        };
        db.Add(enrolment);
        audit.Add(user, "chronic-enrol", recordId, disease.ToString());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return CommandResult<EnrolmentView>.Conflict($"该居民已纳入{disease.Label()}患者管理");
        }
        return CommandResult<EnrolmentView>.Ok(View(enrolment));
    }

    public async Task<CommandResult<EnrolmentView>> WithdrawAsync(DataScope user, long recordId, ChronicDisease disease, WithdrawInput input, CancellationToken ct)
    {
        var (enrolment, failure) = await LoadAsync(user, recordId, disease, input.Version, ct);
        if (enrolment is null)
        {
            return failure!;
        }
        if (enrolment.Withdrawn)
        {
            return CommandResult<EnrolmentView>.Conflict("该患者已退出管理");
        }
        var today = time.Today();
        var on = input.On ?? today;
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(input.Reason))
        {
            errors.Add("reason", "请填写退出管理的原因");
        }
        if (on > today)
        {
            errors.Add("on", "退出日期不能晚于今天");
        }
        else if (on < enrolment.EnrolledOn)
        {
            errors.Add("on", "退出日期不能早于纳入管理日期");
        }
        if (errors.Count > 0)
        {
            return CommandResult<EnrolmentView>.Invalid(errors);
        }
        enrolment.Withdrawn = true;
        enrolment.WithdrawnOn = on;
        enrolment.WithdrawReason = input.Reason!.Trim();
        return await SaveAsync(user, enrolment, "chronic-withdraw", ct);
    }

    public async Task<CommandResult<EnrolmentView>> RestoreAsync(DataScope user, long recordId, ChronicDisease disease, RestoreInput input, CancellationToken ct)
    {
        var (enrolment, failure) = await LoadAsync(user, recordId, disease, input.Version, ct);
        if (enrolment is null)
        {
            return failure!;
        }
        if (!enrolment.Withdrawn)
        {
            return CommandResult<EnrolmentView>.Conflict("该患者仍在管理中");
        }
        if (string.IsNullOrWhiteSpace(input.Reason))
        {
            return CommandResult<EnrolmentView>.Invalid("reason", "请填写恢复管理的原因");
        }
        enrolment.Withdrawn = false;
        enrolment.RestoredOn = time.Today();
        enrolment.RestoreReason = input.Reason.Trim();
        return await SaveAsync(user, enrolment, "chronic-restore", ct);
    }

    private async Task<(ChronicEnrolment?, CommandResult<EnrolmentView>?)> LoadAsync(DataScope user, long recordId, ChronicDisease disease, int? version, CancellationToken ct)
    {
        if (!user.CanEdit)
        {
            return (null, CommandResult<EnrolmentView>.Forbidden("您的角色不能修改慢病管理"));
        }
        var enrolment = await db.Set<ChronicEnrolment>()
            .Where(e => e.HealthRecordId == recordId && e.Disease == disease && user.Apply(db.HealthRecords).Any(r => r.Id == e.HealthRecordId))
            .FirstOrDefaultAsync(ct);
        if (enrolment is null)
        {
            return (null, CommandResult<EnrolmentView>.NotFound($"该居民未纳入{disease.Label()}患者管理"));
        }
        if (version is not int v)
        {
            return (null, CommandResult<EnrolmentView>.Invalid("version", RecordMessages.MissingVersion));
        }
        if (v != enrolment.Version)
        {
            return (null, Stale());
        }
        return (enrolment, null);
    }

    private async Task<CommandResult<EnrolmentView>> SaveAsync(DataScope user, ChronicEnrolment enrolment, string action, CancellationToken ct)
    {
        db.Entry(enrolment).Property(e => e.Version).OriginalValue = enrolment.Version;
        enrolment.Version++;
        audit.Add(user, action, enrolment.HealthRecordId, enrolment.Disease.ToString());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale();
        }
        return CommandResult<EnrolmentView>.Ok(View(enrolment));
    }

    private static CommandResult<EnrolmentView> Stale() =>
        CommandResult<EnrolmentView>.Conflict(RecordMessages.Stale("管理状态"));

    internal static EnrolmentView View(ChronicEnrolment e) => new(
        e.Id, e.HealthRecordId, e.Disease, e.Disease.Label(), e.EnrolledOn, e.Source, e.Source.Label(), e.SourceId, e.EnrolledByName,
        e.Withdrawn, e.WithdrawnOn, e.WithdrawReason, e.RestoredOn, e.RestoreReason, e.Version, e.BelowTargetAgeReason);
}
