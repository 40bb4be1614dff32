using System.Text.RegularExpressions;
using HealthRecords.Domain.Children;

namespace HealthRecords.Domain.Immunisation;

/// <summary>A rule of the schedule a dose breaks: given anyway only with a reason (<see cref="Vaccination.OverrideReason"/>).</summary>
/// <param name="Rule">Stable key: "too-early", "min-interval", "max-interval", "after-series", "last-age", "vaccine-for-dose", "mixed-course", "live-spacing", "beyond-schedule".</param>
/// <param name="Path">The field it concerns.</param>
/// <param name="Message">Chinese, naming the rule.</param>
public sealed record RuleViolation(string Rule, string Path, string Message);

/// <summary>The result of checking a dose: errors refuse it; rule violations refuse it unless a reason is given.</summary>
public sealed record DoseCheck(IReadOnlyDictionary<string, string[]> Errors, IReadOnlyList<RuleViolation> Violations)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>What a dose is checked against besides itself.</summary>
/// <param name="Today">Today in China.</param>
/// <param name="BirthDate">The child's date of birth.</param>
/// <param name="Recorded">The doses already on the card (not including this one).</param>
/// <param name="Checks">Pre-vaccination checks recorded for the child; null skips the blocking rule (transcribing a dose given elsewhere).</param>
/// <param name="Contraindications">Contraindications recorded on the card.</param>
public sealed record DoseContext(
    DateOnly Today,
    DateOnly BirthDate,
    IReadOnlyList<Vaccination> Recorded,
    IReadOnlyList<PreVaccinationCheck>? Checks = null,
    IReadOnlyList<Contraindication>? Contraindications = null);

/// <summary>
/// Checks a dose before it is recorded (issue #18 Bad input: a dose before birth or in the future, a dose number out of
/// order, a second dose inside the minimum interval, an unknown vaccine or batch format) and the card itself.
/// </summary>
public static partial class VaccinationValidator
{
    /// <summary>
    /// Checks one dose against the schedule version it is given under and the child's card. Impossible entries are
    /// errors; doses against a rule of the schedule (too early for the age, inside an interval …) are violations, which
    /// become errors unless <see cref="Vaccination.OverrideReason"/> says why.
    /// </summary>
    public static DoseCheck CheckDose(Vaccination dose, ImmunizationSchedule schedule, DoseContext c)
    {
        var e = new FieldErrors();
        var violations = new List<RuleViolation>();
        var vaccine = schedule.Vaccine(dose.VaccineCode);
        if (vaccine is null)
        {
            e.Add("vaccineCode", $"未知疫苗“{dose.VaccineCode}”，请从疫苗目录中选择（{schedule.Name}）");
        }
        else if (vaccine.Other && string.IsNullOrWhiteSpace(dose.OtherVaccineName))
        {
            e.Add("otherVaccineName", "其他疫苗请写明疫苗名称");
        }
        if (dose.ScheduleCode is not null && dose.ScheduleCode != schedule.Code)
        {
            e.Add("scheduleCode", $"该剂次记为按“{dose.ScheduleCode}”接种，与所检查的免疫程序（{schedule.Name}）不一致");
        }
        Date(dose, c, e);
        if (vaccine is not null)
        {
            DoseNumber(dose, vaccine, schedule, c, e);
            Site(dose, vaccine, e);
        }
        Entries(dose, schedule, e);
        if (vaccine is not null && c.Checks is not null && dose.Date != default)
        {
            foreach (var reason in PreVaccinationRules.Blocking(schedule, dose.VaccineCode, dose.Date, c.Checks, c.Contraindications ?? []))
            {
                e.Add("vaccineCode", reason);
            }
        }
        if (vaccine is not null && !vaccine.Other && dose.Date != default && dose.Date >= c.BirthDate)
        {
            violations.AddRange(Rules(dose, vaccine, schedule, c));
        }
        if (string.IsNullOrWhiteSpace(dose.OverrideReason))
        {
            foreach (var v in violations)
            {
                e.Add(v.Path, v.Message + "；如确需接种，请填写理由");
            }
        }
        return new DoseCheck(e, violations);
    }

    private static void Date(Vaccination dose, DoseContext c, FieldErrors e)
    {
        if (dose.Date == default)
        {
            e.Add("date", "请填写接种日期");
        }
        else if (dose.Date < c.BirthDate)
        {
            e.Add("date", $"接种日期不能早于出生日期（{c.BirthDate:yyyy-MM-dd}）");
        }
        else if (dose.Date > c.Today)
        {
            e.Add("date", "接种日期不能晚于今天");
        }
    }

    /// <summary>剂次: 1 … the card's rows, the next after the doses of the same vaccine recorded before it, and not twice.</summary>
    private static void DoseNumber(Vaccination dose, VaccineInfo vaccine, ImmunizationSchedule schedule, DoseContext c, FieldErrors e)
    {
        var max = schedule.MaxDoseNumber(vaccine.Code);
        if (dose.DoseNumber < 1 || (max is int m && dose.DoseNumber > m))
        {
            e.Add("doseNumber", max is int mm ? $"{vaccine.Name}的剂次只能是1–{mm}" : "剂次应从1开始");
            return;
        }
        var same = c.Recorded.Where(d => d.VaccineCode == vaccine.Code && (!vaccine.Other || d.OtherVaccineName == dose.OtherVaccineName)).ToArray();
        if (same.Any(d => d.DoseNumber == dose.DoseNumber))
        {
            e.Add("doseNumber", $"{vaccine.Name}第{dose.DoseNumber}剂次已有记录，不能重复录入");
            return;
        }
        if (dose.Date != default && same.Any(d => d.Date == dose.Date))
        {
            e.Add("date", $"同一天已记录一剂{vaccine.Name}");
        }
        var before = same.Count(d => d.Date < dose.Date || (d.Date == dose.Date && d.DoseNumber < dose.DoseNumber));
        if (dose.Date != default && dose.DoseNumber != before + 1)
        {
            e.Add("doseNumber", before == 0
                ? $"剂次顺序不对：此前没有{vaccine.Name}的接种记录，本次应为第1剂次"
                : $"剂次顺序不对：此前已接种{vaccine.Name}{before}剂次，本次应为第{before + 1}剂次");
        }
    }

    private static void Site(Vaccination dose, VaccineInfo vaccine, FieldErrors e)
    {
        e.Coded("site", dose.Site, "接种部位");
        // 附件2 填表说明 7: “接种部位”只填写注射用疫苗的接种部位：左侧用1表示，右侧用2表示
        if (vaccine.Injected && dose.Site is null)
        {
            e.Add("site", "注射用疫苗请填写接种部位：1 左 2 右");
        }
        if (!vaccine.Injected && dose.Site is not null)
        {
            e.Add("site", $"{vaccine.Name}（{vaccine.Route}）不填写接种部位");
        }
    }

    private static void Entries(Vaccination dose, ImmunizationSchedule schedule, FieldErrors e)
    {
        if (string.IsNullOrWhiteSpace(dose.BatchNumber))
        {
            e.Add("batchNumber", "请填写疫苗批号");
        }
        else if (!schedule.IsBatchNumber(dose.BatchNumber))
        {
            e.Add("batchNumber", $"疫苗批号“{dose.BatchNumber}”格式不对：{schedule.BatchPatternNote ?? "请按疫苗包装上的批号填写"}");
        }
        if (string.IsNullOrWhiteSpace(dose.Manufacturer))
        {
            e.Add("manufacturer", "请填写生产企业");
        }
        if (string.IsNullOrWhiteSpace(dose.Doctor))
        {
            e.Add("doctor", "请填写接种医生");
        }
        if (string.IsNullOrWhiteSpace(dose.Institution))
        {
            e.Add("institution", "请填写接种单位");
        }
        if (dose.ExpiryDate is DateOnly exp && dose.Date != default && exp < dose.Date)
        {
            e.Add("expiryDate", $"疫苗已过有效日期（{exp:yyyy-MM-dd}），不能接种");
        }
    }

    /// <summary>The schedule's rules the dose breaks, with the rule named (004 附件1 接种对象月(年)龄 and 备注).</summary>
    public static IReadOnlyList<RuleViolation> Rules(Vaccination dose, VaccineInfo vaccine, ImmunizationSchedule schedule, DoseContext c)
    {
        var found = new List<RuleViolation>();
        if (schedule.SeriesFor(vaccine.Code) is not Series series)
        {
            return found;
        }
        var earlier = c.Recorded.Where(d => d.Date < dose.Date || (d.Date == dose.Date && d.VaccineCode == dose.VaccineCode && d.DoseNumber < dose.DoseNumber)).ToArray();
        var progress = ImmunizationPlanner.Progress(series, earlier);
        if (!progress.Course.Doses.Any(r => r.Vaccines.Contains(vaccine.Code)))
        {
            found.Add(new RuleViolation("mixed-course", "vaccineCode",
                $"该儿童已按{progress.Course.Name ?? progress.Series.Name}程序接种，{vaccine.Name}属于另一程序，不能混用"));
            return found;
        }
        if (progress.NextIndex is not int index)
        {
            found.Add(new RuleViolation("beyond-schedule", "doseNumber", $"{series.Name}已完成程序规定的全部剂次"));
            return found;
        }
        var rule = progress.Course.Doses[index];
        var title = ImmunizationPlanner.Title(schedule, series, rule.Number, rule.Vaccines);
        if (!rule.Vaccines.Contains(vaccine.Code))
        {
            found.Add(new RuleViolation("vaccine-for-dose", "vaccineCode",
                $"{title}应使用{string.Join("或", rule.Vaccines.Select(v => schedule.Vaccine(v)?.Name ?? v))}，不是{vaccine.Name}"));
        }
        var all = ImmunizationPlanner.Progress(schedule, earlier);
        DateOnly? Other(string s, int n) => all.FirstOrDefault(p => p.Series.Code == s)?.DateOf(n);
        var t = ImmunizationPlanner.Timing(schedule, progress.Course, index, c.BirthDate, progress.DateOf, Other);
        if (dose.Date < t.AgeDate)
        {
            found.Add(new RuleViolation("too-early", "date",
                $"接种月龄未到：{title}应在{rule.Age.ToChineseAge()}（{t.AgeDate:yyyy-MM-dd}）及以后接种"));
        }
        var from = rule.IntervalFromDose ?? (index > 0 ? index : (int?)null);
        if (from is int f && progress.DateOf(f) is DateOnly previous)
        {
            var min = rule.MinInterval ?? schedule.DefaultMinInterval;
            var days = dose.Date.DayNumber - previous.DayNumber;
            if (dose.Date < min.From(previous))
            {
                found.Add(new RuleViolation("min-interval", "date",
                    $"间隔不足：{title}与第{f}剂次（{previous:yyyy-MM-dd}）应间隔≥{min.ToChineseInterval()}，本次仅间隔{days}天{RuleText(rule)}"));
            }
            if (rule.MaxInterval is AgeSpan max && dose.Date > max.From(previous))
            {
                found.Add(new RuleViolation("max-interval", "date",
                    $"间隔过长：{title}应在第{f}剂次（{previous:yyyy-MM-dd}）后{max.ToChineseInterval()}内接种，本次间隔{days}天{RuleText(rule)}"));
            }
        }
        if (rule.After is DoseDependency after && Other(after.Series, after.Dose) is DateOnly o && dose.Date < after.MinInterval.From(o))
        {
            var otherName = schedule.SeriesOf(after.Series)?.Name ?? after.Series;
            found.Add(new RuleViolation("after-series", "date",
                $"间隔不足：{title}与{otherName}第{after.Dose}剂次（{o:yyyy-MM-dd}）应间隔≥{after.MinInterval.ToChineseInterval()}"));
        }
        if (t.NoLongerFrom is DateOnly stop && dose.Date >= stop)
        {
            found.Add(new RuleViolation("last-age", "date", $"{title}在{rule.LastAge!.Value.ToChineseAge()}及以后不再接种"));
        }
        if (vaccine is { Live: true, Injected: true } && schedule.LiveSpacing is AgeSpan spacing)
        {
            foreach (var live in c.Recorded.Where(d => d.Date != dose.Date && schedule.Vaccine(d.VaccineCode) is { Live: true, Injected: true }))
            {
                var (first, second) = live.Date < dose.Date ? (live.Date, dose.Date) : (dose.Date, live.Date);
                if (second < spacing.From(first))
                {
                    found.Add(new RuleViolation("live-spacing", "date",
                        $"{schedule.Vaccine(live.VaccineCode)!.Name}（{live.Date:yyyy-MM-dd}）与{vaccine.Name}均为注射用减毒活疫苗，未同日接种的应间隔≥{spacing.ToChineseInterval()}"));
                    break;
                }
            }
        }
        return found;
    }

    private static string RuleText(DoseRule rule) => string.IsNullOrWhiteSpace(rule.Rule) ? "" : $"（{rule.Rule}）";

    /// <summary>Checks the card's own fields (附件2 and its 填表说明).</summary>
    public static IReadOnlyDictionary<string, string[]> ValidateCard(VaccinationCard card, DateOnly today)
    {
        var e = new FieldErrors();
        if (card.CardNumber is { Length: > 0 } number && !CardNumberPattern().IsMatch(number.Trim()))
        {
            e.Add("cardNumber", "编号格式为 □□□-□□□□□（3位-5位数字）");
        }
        e.Coded("sex", (Sex?)card.Sex, "性别");
        if (card.BirthDate == default)
        {
            e.Add("birthDate", "请填写出生日期");
        }
        else if (card.BirthDate > today)
        {
            e.Add("birthDate", "出生日期不能晚于今天");
        }
        // 填表说明 3: 监护人姓名只填写一个，并在“与儿童关系”中注明
        if (string.IsNullOrWhiteSpace(card.Guardian.Name))
        {
            e.Add("guardian.name", "请填写监护人姓名");
        }
        if (card.Guardian.Relation is null)
        {
            e.Add("guardian.relation", "请填写监护人与儿童关系");
        }
        e.Coded("guardian.relation", card.Guardian.Relation, "与儿童关系");
        if (card.Guardian.Relation == GuardianRelation.Other && string.IsNullOrWhiteSpace(card.Guardian.RelationOther))
        {
            e.Add("guardian.relationOther", "请写明与儿童的关系");
        }
        if (card.Guardian.Phone is { Length: > 0 } phone && !PhonePattern().IsMatch(phone.Trim()))
        {
            e.Add("guardian.phone", "联系电话格式不正确");
        }
        // 填表说明 4: 家庭现住址只填写至乡级
        if (string.IsNullOrWhiteSpace(card.HomeAddress.County) || string.IsNullOrWhiteSpace(card.HomeAddress.Township))
        {
            e.Add("homeAddress", "请填写家庭现住址（县(区)、乡镇(街道)）");
        }
        e.Coded("hukouKind", card.HukouKind, "户籍地址");
        // 填表说明 5: 若同家庭现住址，则在数字1上划“√”，若不同，请具体填写只填写至乡级
        if (card.HukouKind == HukouAddressKind.Elsewhere
            && (card.HukouAddress is not { } h || string.IsNullOrWhiteSpace(h.Province) || string.IsNullOrWhiteSpace(h.County) || string.IsNullOrWhiteSpace(h.Township)))
        {
            e.Add("hukouAddress", "户籍地址与家庭住址不同，请填写省、市、县(区)、乡镇(街道)");
        }
        if (card.HukouKind == HukouAddressKind.SameAsHome && card.HukouAddress is not null)
        {
            e.Add("hukouAddress", "户籍地址同家庭地址时不再填写地址");
        }
        if (card.MovedInOn is DateOnly movedIn && (movedIn > today || (card.BirthDate != default && movedIn < card.BirthDate)))
        {
            e.Add("movedInOn", "迁入时间应在出生日期与今天之间");
        }
        if (card.MovedOutOn is DateOnly movedOut)
        {
            if (movedOut > today || (card.BirthDate != default && movedOut < card.BirthDate))
            {
                e.Add("movedOutOn", "迁出时间应在出生日期与今天之间");
            }
            if (card.MovedInOn is DateOnly i && movedOut < i)
            {
                e.Add("movedOutOn", "迁出时间不能早于迁入时间");
            }
            if (string.IsNullOrWhiteSpace(card.MoveOutReason))
            {
                e.Add("moveOutReason", "请填写迁出原因");
            }
        }
        else if (!string.IsNullOrWhiteSpace(card.MoveOutReason))
        {
            e.Add("movedOutOn", "填写了迁出原因，请填写迁出时间");
        }
        if (card.CreatedOn == default)
        {
            e.Add("createdOn", "请填写建卡日期");
        }
        else if (card.CreatedOn > today || (card.BirthDate != default && card.CreatedOn < card.BirthDate))
        {
            e.Add("createdOn", "建卡日期应在出生日期与今天之间");
        }
        if (string.IsNullOrWhiteSpace(card.CreatedBy))
        {
            e.Add("createdBy", "请填写建卡人");
        }
        return e;
    }

    [GeneratedRegex(@"^\d{3}-\d{5}$")]
    private static partial Regex CardNumberPattern();

    // mobile (11 digits from 1) or landline with or without area code; the shared check lives in Records (PersonalInfoValidator)
    [GeneratedRegex(@"^(1\d{10}|0\d{2,3}-?\d{7,8}|[2-9]\d{6,7})$")]
    private static partial Regex PhonePattern();
}
