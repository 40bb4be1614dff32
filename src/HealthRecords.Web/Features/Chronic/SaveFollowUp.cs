using HealthRecords.Domain.Chronic;
using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Diabetes;
using HealthRecords.Domain.Hypertension;
using HealthRecords.Web.Data;
using HealthRecords.Web.Data.Entities;
using HealthRecords.Web.Features.Auth;
using HealthRecords.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Features.Chronic;

/// <summary>
/// Records a follow-up (new or edited) or a combined visit. The domain suggests classification and next visit
/// from this visit and the previous one; the doctor's final choice, the suggestion and any override reason are stored.
/// </summary>
public sealed class SaveFollowUp(HealthRecordsDbContext db, Audit audit, TimeProvider time)
{
    private static readonly string[] SharedPaths = ["visitDate", "visitMode", "signs", "lifestyle", "danger", "doctor"];

    public Task<CommandResult<FollowUpView>> HypertensionAsync(DataScope user, long recordId, long? id, HypertensionFollowUpInput input, CancellationToken ct) =>
        SingleAsync(user, recordId, id, Candidate.Of(input.Form), input.OverrideReason, input.Version, input.ExaminationId, ct);

    public Task<CommandResult<FollowUpView>> DiabetesAsync(DataScope user, long recordId, long? id, DiabetesFollowUpInput input, CancellationToken ct) =>
        SingleAsync(user, recordId, id, Candidate.Of(input.Form), input.OverrideReason, input.Version, input.ExaminationId, ct);

    /// <summary>001 六(九): the shared fields entered once, both follow-ups written in one transaction.</summary>
    public async Task<CommandResult<CombinedVisitView>> CombinedAsync(DataScope user, long recordId, CombinedVisitInput input, CancellationToken ct)
    {
        if (await CheckRecordAsync(user, recordId, ct) is { } failure)
        {
            return failure.As<CombinedVisitView>();
        }
        var ht = Candidate.Of(input.Hypertension.WithShared(input.Shared));
        var dm = Candidate.Of(input.Diabetes.WithShared(input.Shared));
        var errors = new FieldErrors();
        var prepared = new List<(Candidate, FollowUpDecision, string?)>();
        foreach (var (candidate, reason, name) in new[] { (ht, input.HypertensionOverrideReason, "hypertension"), (dm, input.DiabetesOverrideReason, "diabetes") })
        {
            var (decision, found, enrolmentMissing) = await PrepareAsync(candidate, recordId, null, reason, ct);
            if (enrolmentMissing is not null)
            {
                return CommandResult<CombinedVisitView>.Conflict(enrolmentMissing);
            }
            foreach (var (key, messages) in found)
            {
                var path = key == "overrideReason" ? name + "OverrideReason"
                    : SharedPaths.Any(p => key == p || key.StartsWith(p + ".", StringComparison.Ordinal)) ? "shared." + key
                    : name + "." + key;
                foreach (var m in messages.Where(m => !errors.TryGetValue(path, out var existing) || !existing.Contains(m)))
                {
                    errors.Add(path, m);
                }
            }
            prepared.Add((candidate, decision!, reason));
        }
        if (errors.Count > 0)
        {
            return CommandResult<CombinedVisitView>.Invalid(errors);
        }
        if (await ExaminationErrorAsync(recordId, input.ExaminationId, input.Shared.VisitDate, "shared.visitDate", ct) is { } examError)
        {
            return examError.As<CombinedVisitView>();
        }
        var combinedId = Guid.NewGuid();
        var now = time.UtcNow();
        var rows = prepared.Select(p =>
        {
            var row = New(user, recordId, now);
            row.CombinedVisitId = combinedId;
            p.Item1.Apply(row, p.Item2, p.Item3);
            MarkExamination(row, input.ExaminationId);
            db.Add(row);
            return row;
        }).ToList();
        audit.Add(user, "follow-up-combined", recordId, "hypertension+diabetes");
        if (await SaveAsync(ct) is { } conflict)
        {
            return conflict.As<CombinedVisitView>();
        }
        return CommandResult<CombinedVisitView>.Ok(new CombinedVisitView(View(rows[0]), View(rows[1])));
    }

    private async Task<CommandResult<FollowUpView>> SingleAsync(
        DataScope user, long recordId, long? id, Candidate candidate, string? overrideReason, int? version, long? examinationId, CancellationToken ct)
    {
        if (await CheckRecordAsync(user, recordId, ct) is { } failure)
        {
            return failure;
        }
        ChronicFollowUp? row = null;
        if (id is long existingId)
        {
            row = await db.Set<ChronicFollowUp>().FirstOrDefaultAsync(f => f.Id == existingId && f.HealthRecordId == recordId && f.Disease == candidate.Disease, ct);
            if (row is null)
            {
                return CommandResult<FollowUpView>.NotFound("随访记录不存在");
            }
            if (version is not int v)
            {
                return CommandResult<FollowUpView>.Invalid("version", "缺少版本号，请刷新后重试");
            }
            if (v != row.Version)
            {
                return Stale();
            }
        }
        var (decision, errors, enrolmentMissing) = await PrepareAsync(candidate, recordId, id, overrideReason, ct);
        if (enrolmentMissing is not null)
        {
            return CommandResult<FollowUpView>.Conflict(enrolmentMissing);
        }
        if (errors.Count > 0)
        {
            var keyed = new FieldErrors();
            keyed.AddAll(errors.Where(e => e.Key != "overrideReason").ToDictionary(), "form");
            if (errors.TryGetValue("overrideReason", out var reasonErrors))
            {
                keyed["overrideReason"] = reasonErrors;
            }
            return CommandResult<FollowUpView>.Invalid(keyed);
        }
        if (await ExaminationErrorAsync(recordId, examinationId, candidate.VisitDate, "form.visitDate", ct) is { } examError)
        {
            return examError;
        }
        var now = time.UtcNow();
        if (row is null)
        {
            row = New(user, recordId, now);
            db.Add(row);
        }
        else
        {
            db.Entry(row).Property(r => r.Version).OriginalValue = row.Version;
            row.Version++;
            row.UpdatedAtUtc = now;
        }
        candidate.Apply(row, decision!, overrideReason);
        MarkExamination(row, examinationId ?? row.ExaminationId);
        audit.Add(user, id is null ? "follow-up-create" : "follow-up-update", recordId, candidate.Disease.ToString());
        if (await SaveAsync(ct) is { } conflict)
        {
            return conflict;
        }
        return CommandResult<FollowUpView>.Ok(View(row));
    }

    private async Task<CommandResult<FollowUpView>?> CheckRecordAsync(DataScope user, long recordId, CancellationToken ct)
    {
        if (!user.CanEdit)
        {
            return CommandResult<FollowUpView>.Forbidden("您的角色不能录入随访");
        }
        var status = await user.Apply(db.HealthRecords).Where(r => r.Id == recordId).Select(r => (RecordStatus?)r.Status).FirstOrDefaultAsync(ct);
        return status switch
        {
            null => CommandResult<FollowUpView>.NotFound(),
            RecordStatus.Active => null,
            _ => CommandResult<FollowUpView>.Conflict("档案已终止或已合并，为只读"),
        };
    }

    private async Task<(FollowUpDecision?, IReadOnlyDictionary<string, string[]>, string?)> PrepareAsync(
        Candidate candidate, long recordId, long? exceptId, string? overrideReason, CancellationToken ct)
    {
        var enrolment = await db.Set<ChronicEnrolment>().AsNoTracking()
            .FirstOrDefaultAsync(e => e.HealthRecordId == recordId && e.Disease == candidate.Disease, ct);
        if (enrolment is null || enrolment.Withdrawn)
        {
            return (null, new Dictionary<string, string[]>(), $"该居民不在{candidate.Disease.Label()}患者管理中，请先纳入管理");
        }
        var mine = db.Set<ChronicFollowUp>().Where(f => f.HealthRecordId == recordId && f.Disease == candidate.Disease && f.Id != (exceptId ?? 0));
        var previousControlled = await mine.Where(f => f.VisitDate < candidate.VisitDate)
            .OrderByDescending(f => f.VisitDate).Select(f => new { f.Controlled }).FirstOrDefaultAsync(ct);
        var sameDay = candidate.VisitDate != default && await mine.AnyAsync(f => f.VisitDate == candidate.VisitDate, ct);
        var decision = candidate.Decide(previousControlled?.Controlled);
        var context = new FollowUpContext(time.Today(), enrolment.EnrolledOn, sameDay, decision, overrideReason);
        return (decision, candidate.Validate(context), null);
    }

    /// <summary>
    /// When the doctor marks an examination as this follow-up: it must be this resident's, and the visit on its date
    /// (<see cref="ExaminationAsFollowUp.DateError"/>).
    /// </summary>
    private async Task<CommandResult<FollowUpView>?> ExaminationErrorAsync(long recordId, long? examinationId, DateOnly visitDate, string dateKey, CancellationToken ct)
    {
        if (examinationId is null)
        {
            return null;
        }
        var examDate = await db.Set<Examinations.Examination>().Where(e => e.Id == examinationId && e.HealthRecordId == recordId)
            .Select(e => (DateOnly?)e.ExamDate).FirstOrDefaultAsync(ct);
        if (examDate is not DateOnly date)
        {
            return CommandResult<FollowUpView>.Invalid("examinationId", "该居民没有这次健康体检");
        }
        return ExaminationAsFollowUp.DateError(visitDate, date) is { } message ? CommandResult<FollowUpView>.Invalid(dateKey, message) : null;
    }

    /// <summary>Links the follow-up to the examination; an examination is face to face (004 二(二)), so it counts for 规范管理.</summary>
    private static void MarkExamination(ChronicFollowUp row, long? examinationId)
    {
        row.ExaminationId = examinationId;
        row.FaceToFace = ExaminationAsFollowUp.IsFaceToFace(row.VisitMode, examinationId is not null);
    }

    private async Task<CommandResult<FollowUpView>?> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Stale();
        }
        catch (DbUpdateException)
        {
            // the unique index (record, disease, day) refused a follow-up saved at the same moment by someone else
            db.ChangeTracker.Clear();
            return CommandResult<FollowUpView>.Conflict("该患者当天已有随访记录，不能重复录入");
        }
    }

    private static ChronicFollowUp New(DataScope user, long recordId, DateTime now) => new()
    {
        HealthRecordId = recordId, CreatedById = user.UserId, CreatedByName = user.DisplayName, CreatedAtUtc = now, UpdatedAtUtc = now,
    };

    private static CommandResult<FollowUpView> Stale() =>
        CommandResult<FollowUpView>.Conflict("该随访记录已被他人修改，您的修改未保存。请刷新查看最新内容后重新修改。");

    internal static FollowUpView View(ChronicFollowUp f) => new(
        f.Id, f.HealthRecordId, f.Disease, f.Disease.Label(), f.VisitDate, f.VisitMode, f.Systolic, f.Diastolic, f.FastingGlucose, f.Controlled,
        f.SuggestedClassification, f.Classification, f.Classification.Label(), f.SuggestedAction, f.SuggestedAction.Label(),
        f.SuggestedNextVisitDate, f.NextVisitDate, f.OverrideReason,
        f.DangerSigns.Length == 0 ? [] : f.DangerSigns.Split('；'), f.Referral, f.UrgentReferral, f.CombinedVisitId, f.ExaminationId, f.CreatedByName,
        f.Version, f.Hypertension, f.Diabetes);

    /// <summary>One disease's form behind the same steps: decide, validate, write the row.</summary>
    private sealed record Candidate(
        ChronicDisease Disease,
        DateOnly VisitDate,
        Func<bool?, FollowUpDecision> Decide,
        Func<FollowUpContext, IReadOnlyDictionary<string, string[]>> Validate,
        Action<ChronicFollowUp, FollowUpDecision, string?> Apply)
    {
        public static Candidate Of(HypertensionFollowUp f) => new(
            ChronicDisease.Hypertension, f.VisitDate,
            previous => HypertensionRules.Decide(f, previous),
            c => FollowUpValidator.Validate(f, c),
            (row, d, reason) =>
            {
                var final = f with { Classification = f.Classification ?? d.Classification, NextVisitDate = f.NextVisitDate ?? d.NextVisitDate };
                row.Hypertension = final;
                row.Diabetes = null;
                row.FastingGlucose = null;
                row.Controlled = HypertensionRules.IsControlled(f.Signs.Systolic, f.Signs.Diastolic);
                Common(row, ChronicDisease.Hypertension, f.VisitDate, f.VisitMode, f.Signs, final.Classification!.Value, final.NextVisitDate!.Value, f.Referral, d, reason);
            });

        public static Candidate Of(DiabetesFollowUp f) => new(
            ChronicDisease.Diabetes, f.VisitDate,
            previous => DiabetesRules.Decide(f, previous),
            c => FollowUpValidator.Validate(f, c),
            (row, d, reason) =>
            {
                var final = f with { Classification = f.Classification ?? d.Classification, NextVisitDate = f.NextVisitDate ?? d.NextVisitDate };
                row.Diabetes = final;
                row.Hypertension = null;
                row.FastingGlucose = f.FastingGlucose;
                row.Controlled = DiabetesRules.IsControlled(f.FastingGlucose);
                Common(row, ChronicDisease.Diabetes, f.VisitDate, f.VisitMode, f.Signs, final.Classification!.Value, final.NextVisitDate!.Value, f.Referral, d, reason);
            });

        private static void Common(
            ChronicFollowUp row, ChronicDisease disease, DateOnly visitDate, VisitMode? mode, Signs signs,
            VisitClassification classification, DateOnly next, Domain.Chronic.Referral referral, FollowUpDecision d, string? reason)
        {
            row.Disease = disease;
            row.VisitDate = visitDate;
            row.VisitMode = mode!.Value;
            row.FaceToFace = ChronicRules.IsFaceToFace(mode);
            row.Systolic = signs.Systolic;
            row.Diastolic = signs.Diastolic;
            row.SuggestedClassification = d.Classification;
            row.Classification = classification;
            row.SuggestedAction = d.Action;
            row.SuggestedNextVisitDate = d.NextVisitDate;
            row.NextVisitDate = next;
            row.OverrideReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
            row.DangerSigns = string.Join("；", d.DangerSigns);
            row.Referral = !string.IsNullOrWhiteSpace(referral.Reason);
            row.UrgentReferral = row.Referral && d.UrgentReferral;
        }
    }
}
