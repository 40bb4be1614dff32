using System.Linq.Expressions;
using HealthRecords.Domain.Chronic;
using HealthRecords.Domain.Diabetes;
using HealthRecords.Domain.Hypertension;
using Microsoft.EntityFrameworkCore.Query;

namespace HealthRecords.Web.Features.Chronic;

/// <summary>
/// Records a follow-up (new or edited) or a combined visit through the kernel's write path. The domain suggests
/// classification and next visit from this visit and the previous one; the doctor's final choice, the suggestion and
/// any override reason are stored. The record's scope and status, the enrolment, the previous visit, a same-day visit
/// and the examination marked as this visit are read in one query; the row and its audit entry are saved in one.
/// </summary>
public sealed class SaveFollowUp(HealthRecordsDbContext db, FormWriter writer, TimeProvider time)
{
    private const string Noun = "随访记录";
    private const string RoleCannot = "录入随访";
    private static readonly string[] SharedPaths = ["visitDate", "visitMode", "signs", "lifestyle", "danger", "doctor"];

    public Task<CommandResult<FollowUpView>> HypertensionAsync(DataScope user, long recordId, long? id, HypertensionFollowUpInput input, CancellationToken ct) =>
        input.Form is null ? Task.FromResult(NoForm<FollowUpView>("form"))
            : SingleAsync(user, recordId, id, Candidate.Of(input.Form), input.OverrideReason, input.Version, input.ExaminationId, ct);

    public Task<CommandResult<FollowUpView>> DiabetesAsync(DataScope user, long recordId, long? id, DiabetesFollowUpInput input, CancellationToken ct) =>
        input.Form is null ? Task.FromResult(NoForm<FollowUpView>("form"))
            : SingleAsync(user, recordId, id, Candidate.Of(input.Form), input.OverrideReason, input.Version, input.ExaminationId, ct);

    /// <summary>A body without the form (JSON null or missing): a field error, not a failure of the host.</summary>
    private static CommandResult<T> NoForm<T>(string field) => CommandResult<T>.Invalid(field, "请填写随访记录");

    /// <summary>001 六(九): the shared fields entered once, both follow-ups written in one transaction.</summary>
    public async Task<CommandResult<CombinedVisitView>> CombinedAsync(DataScope user, long recordId, CombinedVisitInput input, CancellationToken ct)
    {
        if (input.Shared is null || input.Hypertension is null || input.Diabetes is null)
        {
            return NoForm<CombinedVisitView>(input.Shared is null ? "shared" : input.Hypertension is null ? "hypertension" : "diabetes");
        }
        var ht = Candidate.Of(input.Hypertension.WithShared(input.Shared));
        var dm = Candidate.Of(input.Diabetes.WithShared(input.Shared));
        var htFacts = Facts(ht, null, input.ExaminationId);
        var dmFacts = Facts(dm, null, input.ExaminationId);
        var (target, refusal) = await writer.OpenAsync<PairFacts, CombinedVisitView>(user, recordId,
            Both(htFacts, dmFacts), RoleCannot, ct);
        if (target is null)
        {
            return refusal!;
        }
        var errors = new FieldErrors();
        var today = time.Today();
        var prepared = new List<(Candidate, FollowUpDecision, string?)>();
        foreach (var (candidate, facts, reason, name) in new[]
                 {
                     (ht, target.Facts.Hypertension, input.HypertensionOverrideReason, "hypertension"),
                     (dm, target.Facts.Diabetes, input.DiabetesOverrideReason, "diabetes"),
                 })
        {
            if (Prepare(candidate, facts, reason, today) is not { } checkedVisit)
            {
                return CommandResult<CombinedVisitView>.Conflict(NotEnrolled(candidate.Disease));
            }
            var (decision, found) = checkedVisit;
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
            prepared.Add((candidate, decision, reason));
        }
        if (errors.Count > 0)
        {
            return CommandResult<CombinedVisitView>.Invalid(errors);
        }
        if (ExaminationError<CombinedVisitView>(target.Facts.Hypertension, input.ExaminationId, input.Shared.VisitDate, "shared.visitDate") is { } examError)
        {
            return examError;
        }
        var combinedId = Guid.NewGuid();
        var rows = prepared.Select(p =>
        {
            var row = writer.New<ChronicFollowUp>(user, recordId);
            row.CombinedVisitId = combinedId;
            p.Item1.Apply(row, p.Item2, p.Item3);
            MarkExamination(row, input.ExaminationId);
            db.Add(row);
            return row;
        }).ToList();
        return await writer.SaveAsync(user, "follow-up-combined", recordId, "hypertension+diabetes", Noun, SameDay<CombinedVisitView>, ct)
            ?? CommandResult<CombinedVisitView>.Ok(new CombinedVisitView(View(rows[0]), View(rows[1])));
    }

    private async Task<CommandResult<FollowUpView>> SingleAsync(
        DataScope user, long recordId, long? id, Candidate candidate, string? overrideReason, int? version, long? examinationId, CancellationToken ct)
    {
        FollowUpDecision? decision = null;
        var disease = candidate.Disease;
        var save = new FormSave<ChronicFollowUp, FollowUpFacts>
        {
            Action = id is null ? "follow-up-create" : "follow-up-update",
            Noun = Noun,
            RoleCannot = RoleCannot,
            Facts = Facts(candidate, id, examinationId),
            Matches = f => f.HealthRecordId == recordId && f.Disease == disease,
            Check = (target, _, today) =>
            {
                if (Prepare(candidate, target.Facts, overrideReason, today) is not { } checkedVisit)
                {
                    return CommandResult<ChronicFollowUp>.Conflict(NotEnrolled(disease));
                }
                var (decided, errors) = checkedVisit;
                decision = decided;
                if (errors.Count > 0)
                {
                    var keyed = new FieldErrors();
                    keyed.AddAll(errors.Where(e => e.Key != "overrideReason").ToDictionary(), "form");
                    if (errors.TryGetValue("overrideReason", out var reasonErrors))
                    {
                        keyed["overrideReason"] = reasonErrors;
                    }
                    return CommandResult<ChronicFollowUp>.Invalid(keyed);
                }
                return ExaminationError<ChronicFollowUp>(target.Facts, examinationId, candidate.VisitDate, "form.visitDate");
            },
            Apply = (row, _) =>
            {
                candidate.Apply(row, decision!, overrideReason);
                MarkExamination(row, examinationId ?? row.ExaminationId);
            },
            Detail = _ => disease.ToString(),
            Duplicate = _ => SameDay<ChronicFollowUp>(),
        };
        var saved = id is long existing
            ? await writer.UpdateAsync(user, existing, version, save, ct)
            : await writer.CreateAsync(user, recordId, save, ct);
        return saved.Succeeded ? CommandResult<FollowUpView>.Ok(View(saved.Value!)) : saved.As<FollowUpView>();
    }

    /// <summary>What a follow-up's checks need besides the form, read with the record (one query).</summary>
    /// <param name="EnrolledOn">The day the patient entered management; null when not enrolled (or withdrawn).</param>
    /// <param name="PreviousControlled">Whether the visit before this one was controlled (for "consecutive").</param>
    /// <param name="SameDay">Another follow-up of the disease on the visit date.</param>
    /// <param name="ExamDate">The date of the examination marked as this follow-up, when it is the resident's.</param>
    private sealed record FollowUpFacts(DateOnly? EnrolledOn, bool? PreviousControlled, bool SameDay, DateOnly? ExamDate);

    private sealed record PairFacts(FollowUpFacts Hypertension, FollowUpFacts Diabetes);

    private Expression<Func<HealthRecord, FollowUpFacts>> Facts(Candidate candidate, long? exceptId, long? examinationId)
    {
        var enrolments = db.Set<ChronicEnrolment>();
        var followUps = db.Set<ChronicFollowUp>();
        var exams = db.Set<Examinations.Examination>();
        var (disease, visitDate, except) = (candidate.Disease, candidate.VisitDate, exceptId ?? 0);
        var hasDate = visitDate != default;
        return r => new FollowUpFacts(
            enrolments.Where(e => e.HealthRecordId == r.Id && e.Disease == disease && !e.Withdrawn).Select(e => (DateOnly?)e.EnrolledOn).FirstOrDefault(),
            followUps.Where(f => f.HealthRecordId == r.Id && f.Disease == disease && f.Id != except && f.VisitDate < visitDate)
                .OrderByDescending(f => f.VisitDate).Select(f => f.Controlled).FirstOrDefault(),
            hasDate && followUps.Any(f => f.HealthRecordId == r.Id && f.Disease == disease && f.Id != except && f.VisitDate == visitDate),
            exams.Where(e => e.Id == examinationId && e.HealthRecordId == r.Id).Select(e => (DateOnly?)e.ExamDate).FirstOrDefault());
    }

    /// <summary>The facts of both diseases of a combined visit in one projection.</summary>
    private static Expression<Func<HealthRecord, PairFacts>> Both(
        Expression<Func<HealthRecord, FollowUpFacts>> first, Expression<Func<HealthRecord, FollowUpFacts>> second)
    {
        var r = first.Parameters[0];
        var secondBody = ReplacingExpressionVisitor.Replace(second.Parameters[0], r, second.Body);
        var pair = typeof(PairFacts).GetConstructor([typeof(FollowUpFacts), typeof(FollowUpFacts)])!;
        return Expression.Lambda<Func<HealthRecord, PairFacts>>(Expression.New(pair, first.Body, secondBody), r);
    }

    /// <summary>The domain's suggestion and the form's field errors; null when the patient is not under management.</summary>
    private static (FollowUpDecision Decision, IReadOnlyDictionary<string, string[]> Errors)? Prepare(Candidate candidate, FollowUpFacts facts, string? overrideReason, DateOnly today)
    {
        if (facts.EnrolledOn is not DateOnly enrolledOn)
        {
            return null;
        }
        var decision = candidate.Decide(facts.PreviousControlled);
        var context = new FollowUpContext(today, enrolledOn, facts.SameDay, decision, overrideReason);
        return (decision, candidate.Validate(context));
    }

    private static string NotEnrolled(ChronicDisease disease) => $"该居民不在{disease.Label()}患者管理中，请先纳入管理";

    private static CommandResult<T> SameDay<T>() => CommandResult<T>.Conflict("该患者当天已有随访记录，不能重复录入");

    /// <summary>
    /// When the doctor marks an examination as this follow-up: it must be this resident's, and the visit on its date
    /// (<see cref="ExaminationAsFollowUp.DateError"/>).
    /// </summary>
    private static CommandResult<T>? ExaminationError<T>(FollowUpFacts facts, long? examinationId, DateOnly visitDate, string dateKey)
    {
        if (examinationId is null)
        {
            return null;
        }
        if (facts.ExamDate is not DateOnly date)
        {
            return CommandResult<T>.Invalid("examinationId", "该居民没有这次健康体检");
        }
        return ExaminationAsFollowUp.DateError(visitDate, date) is { } message ? CommandResult<T>.Invalid(dateKey, message) : null;
    }

    /// <summary>Links the follow-up to the examination; an examination is face to face (004 二(二)), so it counts for 规范管理.</summary>
    private static void MarkExamination(ChronicFollowUp row, long? examinationId)
    {
        row.ExaminationId = examinationId;
        row.FaceToFace = ExaminationAsFollowUp.IsFaceToFace(row.VisitMode, examinationId is not null);
    }

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
