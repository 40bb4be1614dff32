namespace HealthRecords.Domain.Immunisation;

/// <summary>What a review finding is about.</summary>
public enum FindingKind
{
    [Label("缺项")] Missing = 1,
    [Label("不一致")] Inconsistent = 2,
    [Label("应种未种")] Overdue = 3,
}

/// <summary>One problem of a card found at review, with the field (JSON path) it concerns.</summary>
public sealed record CardFinding(FindingKind Kind, string Path, string Message);

/// <summary>
/// 每半年对责任区内儿童的预防接种卡进行1次核查和整理 (004 预防接种服务规范 二(一)3): the list of a card's missing or
/// inconsistent entries and overdue doses, and when the next review is due.
/// </summary>
public static class CardReview
{
    /// <summary>Months between two reviews of the cards of an area.</summary>
    public const int IntervalMonths = 6;

    /// <summary>The next review of an area's cards: six months after the last, or now when none was done.</summary>
    // 004 预防接种服务规范 二(一)3: 每半年 … 核查和整理
    public static ScheduleItem NextReview(DateOnly? lastReviewedOn, DateOnly today, long? sourceId = null) =>
        ScheduleItem.On("vaccination-card-review", "预防接种卡半年核查", lastReviewedOn?.AddMonths(IntervalMonths) ?? today, sourceId: sourceId);

    /// <summary>Every missing or inconsistent entry of a card, and the doses overdue on <paramref name="today"/>.</summary>
    public static IReadOnlyList<CardFinding> Review(VaccinationCard card, IReadOnlyList<ImmunizationSchedule> versions, DateOnly today)
    {
        var found = new List<CardFinding>();
        void Missing(string path, string message) => found.Add(new CardFinding(FindingKind.Missing, path, message));
        void Inconsistent(string path, string message) => found.Add(new CardFinding(FindingKind.Inconsistent, path, message));

        if (string.IsNullOrWhiteSpace(card.Name))
        {
            Missing("name", "姓名未填写（儿童取名后应及时补充）");
        }
        if (string.IsNullOrWhiteSpace(card.Guardian.Name) || card.Guardian.Relation is null)
        {
            Missing("guardian", "监护人姓名或与儿童关系未填写");
        }
        if (string.IsNullOrWhiteSpace(card.Guardian.Phone))
        {
            Missing("guardian.phone", "监护人联系电话未填写");
        }
        if (string.IsNullOrWhiteSpace(card.HomeAddress.Township))
        {
            Missing("homeAddress", "家庭现住址未填写到乡镇(街道)");
        }
        if (card.HukouKind is null)
        {
            Missing("hukouKind", "户籍地址未填写");
        }
        if (card.CreatedOn == default || string.IsNullOrWhiteSpace(card.CreatedBy))
        {
            Missing("createdOn", "建卡日期或建卡人未填写");
        }
        if (card.MovedOutOn is not null && string.IsNullOrWhiteSpace(card.MoveOutReason))
        {
            Missing("moveOutReason", "迁出原因未填写");
        }

        var current = ImmunizationSchedules.ApplicableOn(versions, today);
        for (var i = 0; i < card.Doses.Count; i++)
        {
            var d = card.Doses[i];
            var path = $"doses[{i}]";
            var schedule = versions.FirstOrDefault(v => v.Code == d.ScheduleCode) ?? ImmunizationSchedules.ApplicableOn(versions, d.Date);
            var vaccine = schedule.Vaccine(d.VaccineCode);
            if (vaccine is null)
            {
                Inconsistent(path + ".vaccineCode", $"疫苗“{d.VaccineCode}”不在免疫程序的疫苗目录中");
                continue;
            }
            var name = vaccine.Other ? d.OtherVaccineName ?? vaccine.Name : vaccine.Name;
            var label = $"{name}第{d.DoseNumber}剂次";
            if (string.IsNullOrWhiteSpace(d.BatchNumber))
            {
                Missing(path + ".batchNumber", $"{label}未填写疫苗批号");
            }
            if (string.IsNullOrWhiteSpace(d.Doctor))
            {
                Missing(path + ".doctor", $"{label}未填写接种医生");
            }
            if (vaccine.Injected && d.Site is null)
            {
                Missing(path + ".site", $"{label}未填写接种部位");
            }
            if (d.ScheduleCode is null)
            {
                Missing(path + ".scheduleCode", $"{label}未记录所依据的免疫程序版本");
            }
            if (d.Date < card.BirthDate || d.Date > today)
            {
                Inconsistent(path + ".date", $"{label}的接种日期{d.Date:yyyy-MM-dd}不在出生日期与今天之间");
            }
            if (card.MovedOutOn is DateOnly outOn && d.Date > outOn)
            {
                Inconsistent(path + ".date", $"{label}的接种日期晚于迁出时间");
            }
        }

        // dose numbers: 1, 2, … without gaps or repeats, in date order, for each vaccine
        foreach (var group in card.Doses.Select((d, i) => (d, i)).GroupBy(x => (x.d.VaccineCode, x.d.OtherVaccineName)))
        {
            var byNumber = group.OrderBy(x => x.d.DoseNumber).ToArray();
            var name = current.Vaccine(group.Key.VaccineCode)?.Name ?? group.Key.VaccineCode;
            for (var k = 0; k < byNumber.Length; k++)
            {
                var (d, i) = byNumber[k];
                if (d.DoseNumber != k + 1)
                {
                    Inconsistent($"doses[{i}].doseNumber", byNumber.Count(x => x.d.DoseNumber == d.DoseNumber) > 1
                        ? $"{name}第{d.DoseNumber}剂次重复记录"
                        : $"{name}剂次不连续：有第{d.DoseNumber}剂次，缺第{k + 1}剂次");
                    break;
                }
                if (k > 0 && d.Date < byNumber[k - 1].d.Date)
                {
                    Inconsistent($"doses[{i}].date", $"{name}第{d.DoseNumber}剂次的日期早于第{d.DoseNumber - 1}剂次");
                }
            }
        }

        // the schedule's rules, dose by dose in date order, against the doses before each
        var ordered = card.Doses.Select((d, i) => (d, i)).OrderBy(x => x.d.Date).ThenBy(x => x.d.DoseNumber).ToArray();
        foreach (var (d, i) in ordered)
        {
            var schedule = versions.FirstOrDefault(v => v.Code == d.ScheduleCode) ?? ImmunizationSchedules.ApplicableOn(versions, d.Date);
            if (schedule.Vaccine(d.VaccineCode) is not { Other: false } vaccine || d.Date < card.BirthDate || !string.IsNullOrWhiteSpace(d.OverrideReason))
            {
                continue;
            }
            var before = card.Doses.Where((x, j) => j != i && (x.Date < d.Date || (x.Date == d.Date && x.VaccineCode == d.VaccineCode && x.DoseNumber < d.DoseNumber))).ToArray();
            foreach (var v in VaccinationValidator.Rules(d, vaccine, schedule, new DoseContext(today, card.BirthDate, before)))
            {
                Inconsistent($"doses[{i}].{v.Path}", $"{vaccine.Name}第{d.DoseNumber}剂次（{d.Date:yyyy-MM-dd}）：{v.Message}");
            }
        }

        if (card.MovedOutOn is null)
        {
            foreach (var next in ImmunizationPlanner.NextDoses(current, card.BirthDate, card.Doses, today).Where(n => n.Status == DoseStatus.Overdue))
            {
                found.Add(new CardFinding(FindingKind.Overdue, "doses", $"{next.Title}应于{next.Timing!.WindowEnd:yyyy-MM-dd}前接种，尚未接种"));
            }
        }
        return found;
    }
}
