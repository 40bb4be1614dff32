using HealthRecords.Domain.Children;

namespace HealthRecords.Web.Features.Children;

/// <summary>
/// Records and corrects a child health check-up (004 0~6岁儿童健康管理 附件2–4) through the kernel's write path. Whether
/// the child already has a check-up of that age and whether the 6-month one measured haemoglobin are read in the same
/// query as the record's scope and status; the domain's validator (<see cref="ChildCheckupValidator"/>) gives the field
/// errors keyed "form.…" — the forms' "———" rule, the age window, WHO's implausibility flags, ratings differing from the
/// system's without a reason; the system's judgement (<see cref="CheckupAssessment"/>) is stored beside the doctor's,
/// empty ratings filled with it. The referral's result closes the 2-week follow-up.
/// </summary>
public sealed class SaveCheckup(HealthRecordsDbContext db, FormWriter writer, ChildrenSettings settings)
{
    private const string Noun = "儿童健康检查记录";
    private const string RoleCannot = "填写儿童健康检查记录";

    /// <summary>The facts of the child's other check-ups the rules need.</summary>
    private sealed record CheckupFacts(bool SameAgeExists, bool HaemoglobinAtSixMonths);

    public Task<CommandResult<ChildCheckupVisit>> CreateAsync(DataScope user, long recordId, ChildCheckupInput input, CancellationToken ct) =>
        input.Form is not { } form ? Task.FromResult(CommandResult<ChildCheckupVisit>.Invalid("form", "请填写儿童健康检查记录表"))
            : writer.CreateAsync(user, recordId, Save(form, null, user), ct);

    public Task<CommandResult<ChildCheckupVisit>> UpdateAsync(DataScope user, long id, ChildCheckupInput input, CancellationToken ct) =>
        input.Form is not { } form ? Task.FromResult(CommandResult<ChildCheckupVisit>.Invalid("form", "请填写儿童健康检查记录表"))
            : writer.UpdateAsync(user, id, input.Version, Save(form, id, user), ct);

    private FormSave<ChildCheckupVisit, CheckupFacts> Save(ChildCheckup raw, long? id, DataScope user)
    {
        var checkups = db.Set<ChildCheckupVisit>();
        var (age, except) = (raw.Age, id ?? 0);
        // 随访医生签名: the signed-in doctor when left empty
        var form = string.IsNullOrWhiteSpace(raw.Doctor) ? raw with { Doctor = user.DisplayName } : raw;
        return new FormSave<ChildCheckupVisit, CheckupFacts>
        {
            Action = id is null ? "child-checkup-create" : "child-checkup-update",
            Noun = Noun,
            RoleCannot = RoleCannot,
            Facts = r => new CheckupFacts(
                checkups.Any(c => c.HealthRecordId == r.Id && c.Age == age && c.Id != except),
                checkups.Any(c => c.HealthRecordId == r.Id && c.Age == CheckupAge.Months6 && c.HaemoglobinGPerL != null && c.Id != except)),
            Check = (target, _, today) => FormWriter.Invalid<ChildCheckupVisit>(FormWriter.Under("form", ChildCheckupValidator.Validate(form,
                new CheckupContext(today, target.BirthDate, target.Sex, target.Facts.SameAgeExists, target.Facts.HaemoglobinAtSixMonths,
                    settings.CutOffs, settings.Windows, settings.Screening)))),
            Apply = (row, target) => row.With(form, CheckupAssessment.Of(form, target.BirthDate, target.Sex, settings.CutOffs, settings.Screening)),
            Detail = c => $"{c.Age.Label()} {c.VisitDate:yyyy-MM-dd}",
            Duplicate = c => CommandResult<ChildCheckupVisit>.Invalid("form.age", $"该儿童已有{c.Age.Label()}健康检查记录，不能重复录入"),
        };
    }

    /// <summary>The result of the referral a check-up advised (转诊结果), recorded within 2 weeks; ends the follow-up item.</summary>
    public Task<CommandResult<ChildCheckupVisit>> ReferralResultAsync(DataScope user, long id, ChildReferralResultInput input, CancellationToken ct)
    {
        var result = input.Result?.Trim();
        return writer.UpdateAsync(user, id, input.Version, new FormSave<ChildCheckupVisit, NoFacts>
        {
            Action = "child-referral-result",
            Noun = Noun,
            RoleCannot = RoleCannot,
            Facts = NoFacts.None,
            Check = (_, row, today) =>
            {
                if (!row!.Referral)
                {
                    return CommandResult<ChildCheckupVisit>.Invalid("resultOn", "该次健康检查没有转诊建议，无需登记转诊结果");
                }
                var e = new FieldErrors();
                if (input.ResultOn is not DateOnly on)
                {
                    e.Add("resultOn", "请填写随访转诊结果的日期");
                }
                else if (on > today)
                {
                    e.Add("resultOn", "日期不能晚于今天");
                }
                else if (on < row.VisitDate)
                {
                    e.Add("resultOn", $"日期不能早于健康检查日期（{row.VisitDate:yyyy-MM-dd}）");
                }
                if (string.IsNullOrEmpty(result))
                {
                    e.Add("result", "请填写转诊结果");
                }
                else if (result.Length > 500)
                {
                    e.Add("result", "转诊结果不能超过500字");
                }
                return FormWriter.Invalid<ChildCheckupVisit>(e);
            },
            Apply = (row, _) => (row.ReferralResultOn, row.ReferralResult) = (input.ResultOn, result),
            Detail = c => $"转诊结果 {c.ReferralResultOn:yyyy-MM-dd}",
        }, ct);
    }
}
