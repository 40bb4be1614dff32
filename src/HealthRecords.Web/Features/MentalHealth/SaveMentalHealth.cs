using System.Linq.Expressions;
using HealthRecords.Domain.MentalHealth;

namespace HealthRecords.Web.Features.MentalHealth;

/// <summary>
/// The severe mental disorders forms through the kernel's write path (<see cref="FormWriter"/>): the registration with
/// its 个人信息补充表 (every version kept), its end, and the follow-ups. A follow-up's facts (the open registration, a
/// same-day visit, the previous visit that reached the patient) are read in the same query as the record's scope and
/// status; the domain's validator gives the field errors keyed "form.…"; the rules' suggestion is stored beside the
/// doctor's decision; a new follow-up that reached the patient updates the profile (附件1 填表说明 1) in the same save.
/// </summary>
public sealed class SaveMentalHealth(HealthRecordsDbContext db, FormWriter writer, TimeProvider time)
{
    private const string RoleCannot = "填写严重精神障碍患者管理记录";
    private static readonly string NoPatient = RecordMessages.NotFound("该患者登记");

    // ---- the registration --------------------------------------------------------------------------------------------

    /// <summary>登记 (<paramref name="id"/> null) or a change of the 个人信息补充表; every save keeps the version it makes.</summary>
    public async Task<CommandResult<MentalHealthPatient>> ProfileAsync(DataScope user, long? recordId, long? id, MentalHealthProfileInput input, CancellationToken ct)
    {
        if (input.Form is not { } form)
        {
            return CommandResult<MentalHealthPatient>.Invalid("form", "请填写严重精神障碍患者个人信息补充表");
        }
        var patients = db.MentalHealthPatients;
        var except = id ?? 0;
        var save = new FormSave<MentalHealthPatient, bool>
        {
            Action = id is null ? "mental-health-enrol" : "mental-health-profile-update",
            Noun = "个人信息补充表",
            RoleCannot = RoleCannot,
            Facts = r => patients.Any(p => p.HealthRecordId == r.Id && p.RemovedOn == null && p.Id != except),
            Check = (target, row, today) =>
            {
                if (target.Facts && row is null)
                {
                    return CommandResult<MentalHealthPatient>.Invalid("form", "该居民已登记为严重精神障碍患者，请修改现有的个人信息补充表");
                }
                if (row?.RemovedOn is DateOnly removed)
                {
                    return CommandResult<MentalHealthPatient>.Conflict($"该患者已于{removed:yyyy-MM-dd}撤销登记，不能再修改");
                }
                return Invalid<MentalHealthPatient>(MentalHealthValidator.Validate(form, today));
            },
            Apply = (row, _) => Version(row.With(form, input.ExaminationAgreed), user, row.ProfileVersions == 1 ? "登记" : "修改"),
            Detail = p => $"个人信息补充表 第{p.ProfileVersions}版",
            Duplicate = _ => CommandResult<MentalHealthPatient>.Invalid("form", "该居民已登记为严重精神障碍患者，请修改现有的个人信息补充表"),
        };
        return id is long existing
            ? await writer.UpdateAsync(user, existing, input.Version, save, ct)
            : await writer.CreateAsync(user, recordId!.Value, save, ct);
    }

    /// <summary>Ends a registration (迁出, 死亡, 诊断排除 …): nothing is due after it; the measures count it for the time it was on the register.</summary>
    public async Task<CommandResult<MentalHealthPatient>> RemoveAsync(DataScope user, long id, MentalHealthRemovalInput input, CancellationToken ct)
    {
        var save = new FormSave<MentalHealthPatient, NoFacts>
        {
            Action = "mental-health-remove",
            Noun = "患者登记",
            RoleCannot = RoleCannot,
            Facts = NoFacts.None,
            Check = (_, row, today) =>
            {
                var e = new FieldErrors();
                if (input.RemovedOn is not DateOnly on)
                {
                    e.Add("removedOn", "请填写撤销登记日期");
                }
                else if (on > today)
                {
                    e.Add("removedOn", "撤销登记日期不能晚于今天");
                }
                else if (on < row!.EnrolledOn)
                {
                    e.Add("removedOn", $"撤销登记日期不能早于登记日期（{row.EnrolledOn:yyyy-MM-dd}）");
                }
                e.RequiredText("reason", input.Reason, "请填写撤销登记原因（迁出、死亡、诊断排除等）");
                if (input.Reason?.Trim().Length > 200)
                {
                    e.Add("reason", "撤销登记原因不能超过200字");
                }
                if (e.Count == 0 && row!.RemovedOn is not null)
                {
                    return CommandResult<MentalHealthPatient>.Conflict($"该患者已于{row.RemovedOn:yyyy-MM-dd}撤销登记");
                }
                return Invalid<MentalHealthPatient>(e, prefix: "");
            },
            Apply = (row, _) => (row.RemovedOn, row.RemovalReason) = (input.RemovedOn, input.Reason!.Trim()),
            Detail = p => $"撤销登记 {p.RemovedOn:yyyy-MM-dd}",
        };
        return await writer.UpdateAsync(user, id, input.Version, save, ct);
    }

    // ---- the follow-ups ----------------------------------------------------------------------------------------------

    /// <summary>What a follow-up's checks read, with the record in one query (scalar subqueries).</summary>
    internal sealed record FollowUpFacts(
        long? PatientId, DateOnly EnrolledOn, InformedConsent? Consent, bool SameDay,
        DateOnly? PreviousDate, Condition? PreviousCondition, DateOnly? PreviousNext)
    {
        public PreviousVisit? Previous => PreviousDate is DateOnly d && PreviousCondition is Condition c ? new(d, c, PreviousNext) : null;

        public MentalFollowUpContext Context(DateOnly today) =>
            new(today, EnrolledOn, MentalHealthRules.IsManaged(Consent), SameDay, Previous);
    }

    internal Expression<Func<HealthRecord, FollowUpFacts>> Facts(DateOnly date, long except)
    {
        var patients = db.MentalHealthPatients;
        var visits = db.MentalHealthFollowUps;
        return r => new FollowUpFacts(
            patients.Where(p => p.HealthRecordId == r.Id && p.RemovedOn == null).Select(p => (long?)p.Id).FirstOrDefault(),
            patients.Where(p => p.HealthRecordId == r.Id && p.RemovedOn == null).Select(p => p.EnrolledOn).FirstOrDefault(),
            patients.Where(p => p.HealthRecordId == r.Id && p.RemovedOn == null).Select(p => p.Consent).FirstOrDefault(),
            visits.Any(v => v.HealthRecordId == r.Id && v.VisitDate == date && v.Id != except),
            visits.Where(v => v.HealthRecordId == r.Id && v.VisitDate < date && v.Condition != Condition.NotVisited && v.Id != except)
                .OrderByDescending(v => v.VisitDate).Select(v => (DateOnly?)v.VisitDate).FirstOrDefault(),
            visits.Where(v => v.HealthRecordId == r.Id && v.VisitDate < date && v.Condition != Condition.NotVisited && v.Id != except)
                .OrderByDescending(v => v.VisitDate).Select(v => (Condition?)v.Condition).FirstOrDefault(),
            visits.Where(v => v.HealthRecordId == r.Id && v.VisitDate < date && v.Condition != Condition.NotVisited && v.Id != except)
                .OrderByDescending(v => v.VisitDate).Select(v => v.NextVisitDate).FirstOrDefault());
    }

    /// <summary>
    /// A follow-up (<paramref name="id"/> null: new). The rules' class and next date are stored beside the doctor's; a
    /// different choice needs the form's <c>overrideReason</c> (the validator's refusal is keyed at the field). A new
    /// visit that reached the patient updates the profile (关锁, 治疗效果, the social-impact history) as a new version.
    /// </summary>
    public async Task<CommandResult<MentalHealthFollowUpForm>> FollowUpAsync(DataScope user, long? recordId, long? id, MentalHealthFollowUpInput input, CancellationToken ct)
    {
        if (input.Form is not { } form)
        {
            return CommandResult<MentalHealthFollowUpForm>.Invalid("form", "请填写严重精神障碍患者随访服务记录表");
        }
        // the profile a new reached visit updates, tracked for the same save (a change of a visit does not add it again)
        var patient = id is null && recordId is long rid
            ? await db.MentalHealthPatients.FirstOrDefaultAsync(p => p.HealthRecordId == rid && p.RemovedOn == null, ct)
            : null;
        MentalHealthDecision? suggestion = null;
        var save = new FormSave<MentalHealthFollowUpForm, FollowUpFacts>
        {
            Action = id is null ? "mental-health-follow-up-create" : "mental-health-follow-up-update",
            Noun = "随访服务记录表",
            RoleCannot = RoleCannot,
            Facts = Facts(form.VisitDate, id ?? 0),
            Check = (target, _, today) =>
            {
                var f = target.Facts;
                if (f.PatientId is null)
                {
                    return CommandResult<MentalHealthFollowUpForm>.Invalid("form.visitDate", "该居民尚未登记为严重精神障碍患者：请先填写个人信息补充表");
                }
                suggestion = MentalHealthRules.Decide(form, f.Previous);
                return Invalid<MentalHealthFollowUpForm>(MentalHealthValidator.Validate(form, f.Context(today)));
            },
            Apply = (row, target) =>
            {
                row.PatientId = target.Facts.PatientId!.Value;
                row.With(form, suggestion);
                if (patient is not null && patient.Id == row.PatientId && form.Reached)
                {
                    var updated = MentalHealthRules.UpdatedBy(patient.Profile, form);
                    writer.Touch(patient);
                    Version(patient.With(updated with { FilledOn = form.VisitDate }, patient.ExaminationAgreed), user,
                        string.Create(CultureInfo.InvariantCulture, $"随访（{form.VisitDate:yyyy-MM-dd}）"));
                }
            },
            Detail = v => $"随访 {v.VisitDate:yyyy-MM-dd}",
            Duplicate = _ => CommandResult<MentalHealthFollowUpForm>.Invalid("form.visitDate", "该患者当天已有一次随访记录，不能重复录入"),
        };
        return id is long existing
            ? await writer.UpdateAsync(user, existing, input.Version, save, ct)
            : await writer.CreateAsync(user, recordId!.Value, save, ct);
    }

    /// <summary>
    /// The rules' suggestion for a follow-up as typed so far (nothing saved, nothing audited beyond the scope check): the
    /// class, the actions, the next date, and the reasons when the viewer may see the restricted facts they name.
    /// </summary>
    public async Task<CommandResult<MentalHealthSuggestion>> SuggestAsync(DataScope user, long recordId, long? id, MentalHealthFollowUpInput input, bool maySee, CancellationToken ct)
    {
        if (input.Form is not { } form)
        {
            return CommandResult<MentalHealthSuggestion>.Invalid("form", "请填写严重精神障碍患者随访服务记录表");
        }
        var (target, refusal) = await writer.OpenAsync<FollowUpFacts, MentalHealthSuggestion>(user, recordId, Facts(form.VisitDate, id ?? 0), RoleCannot, ct);
        if (target is null)
        {
            return refusal!;
        }
        var previous = target.Facts.Previous;
        if (MentalHealthRules.Decide(form, previous) is not { } d)
        {
            return CommandResult<MentalHealthSuggestion>.Ok(new(null, null, null, [], [], false, false, MentalHealthRules.EndsObservation(previous)));
        }
        return CommandResult<MentalHealthSuggestion>.Ok(new((int)d.Condition, d.Condition.Label(), d.NextVisitDate,
            [.. d.Actions.Select(a => a.Label())], maySee ? d.Reasons : [], d.Referral, d.Urgent, MentalHealthRules.EndsObservation(previous)));
    }

    // ---- shared ------------------------------------------------------------------------------------------------------

    /// <summary>Adds the version row of the profile just written (saved with it).</summary>
    private MentalHealthPatient Version(MentalHealthPatient patient, DataScope user, string cause)
    {
        db.MentalHealthProfileVersions.Add(new MentalHealthProfileVersion
        {
            Patient = patient, HealthRecordId = patient.HealthRecordId, Number = patient.ProfileVersions, Cause = cause,
            ChangedById = user.UserId, ChangedByName = user.DisplayName, ChangedAtUtc = time.UtcNow(), Profile = patient.Profile,
        });
        return patient;
    }

    /// <summary>The domain's errors keyed under "form." (or <paramref name="prefix"/>); null when none.</summary>
    private static CommandResult<T>? Invalid<T>(IReadOnlyDictionary<string, string[]> errors, string prefix = "form") =>
        FormWriter.Invalid<T>(prefix.Length == 0 ? errors : FormWriter.Under(prefix, errors));
}
