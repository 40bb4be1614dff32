namespace HealthRecords.Domain.Maternal;

/// <summary>The woman a pregnancy is registered for, from her record.</summary>
public sealed record Mother(Sex Sex, DateOnly BirthDate);

/// <summary>
/// Checks a pregnancy registration, its facts, an episode's ending and an infant's death. Errors are keyed by camelCase
/// JSON path ("facts.lastMenstrualPeriod", "endedOn") with Chinese messages; an empty result means valid. The key
/// <c>resident</c> holds what is wrong with the woman herself (a man, a child).
/// </summary>
public static class PregnancyValidator
{
    public static IReadOnlyDictionary<string, string[]> Validate(
        Pregnancy episode, Mother mother, IReadOnlyList<EarlierPregnancy> others, DateOnly today)
    {
        var e = new FormErrors();
        if (PregnancyRules.WhyCannotBePregnant(mother.Sex, mother.BirthDate, episode.RegisteredOn == default ? today : episode.RegisteredOn) is string why)
        {
            e.Add("resident", why);
        }
        e.Date("registeredOn", episode.RegisteredOn, "建册日期", today, mother.BirthDate, "出生日期");
        e.Coded("opening", (EpisodeOpening?)episode.Opening, "建册方式");
        // issue #17: one open pregnancy at a time
        if (others.FirstOrDefault(o => o.EndedOn is null) is { } open)
        {
            e.Add("registeredOn", $"该孕妇已有未结案的孕产期（建册日期{open.RegisteredOn:yyyy-MM-dd}），请先结案或登记终止，再建新册");
        }
        var lmp = episode.Facts.LastMenstrualPeriod ?? episode.Facts.Dating.Start;
        var lastEnd = others.Select(o => o.PregnancyEndedOn ?? o.EndedOn).Where(d => d is not null).Max();
        if (lmp is DateOnly start && lastEnd is DateOnly previous && start <= previous)
        {
            e.Add(episode.Facts.LastMenstrualPeriod is null ? "facts.expectedDelivery" : "facts.lastMenstrualPeriod",
                $"本次妊娠的末次月经应晚于上次妊娠结束的日期（{previous:yyyy-MM-dd}），请核对");
        }
        if (episode.RegisteredOn != default)
        {
            Facts(e.Under("facts"), episode.Facts, episode.RegisteredOn, "建册", episode.Opening == EpisodeOpening.Registration);
        }
        return e.Result;
    }

    /// <summary>
    /// The facts of a pregnancy on the day they are recorded (<paramref name="on"/>: registration or first visit): the
    /// dates in order and plausible, the counts consistent. With <paramref name="pregnant"/> (a registration during
    /// pregnancy) the pregnancy must be dated and that day must fall between 4 weeks and 42 weeks + 6 days.
    /// </summary>
    internal static void Facts(FormErrors e, PregnancyFacts f, DateOnly on, string what, bool pregnant)
    {
        if (f.LastMenstrualPeriod is DateOnly lmp && lmp > on)
        {
            e.Add("lastMenstrualPeriod", $"末次月经不能晚于{what}日期");
        }
        if (pregnant && f.LastMenstrualPeriod is null && f.ExpectedDelivery is null)
        {
            e.Add("expectedDelivery", "末次月经不详时请填写预产期（如按B超推算）");
        }
        if (f.LastMenstrualPeriod is DateOnly l && f.ExpectedDelivery is DateOnly edd && PregnancyDating.ByFormRule(l) is DateOnly byRule
            && Math.Abs(edd.DayNumber - byRule.DayNumber) > 21)
        {
            e.Add("expectedDelivery", $"预产期与末次月经不符：按末次月经推算为{byRule:yyyy-MM-dd}，请核对（相差超过3周时请核实末次月经，不详时只填预产期）");
        }
        var dateKey = f.LastMenstrualPeriod is null ? "expectedDelivery" : "lastMenstrualPeriod";
        var age = f.Dating.On(on);
        if (pregnant && f.Dating.Start is not null && !(f.LastMenstrualPeriod > on))
        {
            if (age is null || age < PregnancyRules.EarliestConfirmed)
            {
                e.Add(dateKey, $"{what}时孕周不足4周（{age?.ToString() ?? "孕0周"}），尚不能确认妊娠，请核对末次月经或预产期");
            }
            else if (age > PregnancyRules.LatestPregnant)
            {
                e.Add(dateKey, $"{what}时已{age}，超过孕42周，请核对末次月经或预产期；已分娩的请登记分娩信息");
            }
        }
        e.Range("gravidity", f.Gravidity, MaternalRanges.Gravidity);
        e.Range("parity", f.Parity, MaternalRanges.PriorCount);
        e.Range("vaginalDeliveries", f.VaginalDeliveries, MaternalRanges.PriorCount);
        e.Range("caesareans", f.Caesareans, MaternalRanges.PriorCount);
        // 附件1 填表说明 3, 4: 孕次 includes this pregnancy; 产次 counts earlier deliveries
        if (f.Gravidity is int g && f.Parity is int p && p > g - 1)
        {
            e.Add("parity", $"产次（此次怀孕前的分娩次数）不能超过孕次−1（孕次{g}包括本次妊娠）");
        }
        if (f.Parity is int parity && f.VaginalDeliveries is int v && f.Caesareans is int c && v + c != parity)
        {
            e.Add("parity", $"阴道分娩{v}次与剖宫产{c}次之和应等于产次{parity}");
        }
    }

    /// <summary>An episode's ending: dated, in order with the pregnancy, and the reason fitting the stage.</summary>
    /// <param name="registeredOn">The episode's 建册日期.</param>
    /// <param name="dating">The pregnancy's dates.</param>
    /// <param name="deliveredOn">The delivery date, if there was one.</param>
    public static IReadOnlyDictionary<string, string[]> Validate(
        EpisodeEnding ending, DateOnly registeredOn, PregnancyDating dating, DateOnly? deliveredOn, DateOnly today)
    {
        var e = new FormErrors();
        if (!Enum.IsDefined(ending.Reason))
        {
            e.Add("reason", $"请选择结束原因：{string.Join("、", CodeLabels.Options<EpisodeEndReason>().Select(o => $"{o.Code} {o.Label}"))}");
            return e.Result;
        }
        if (ending.EndedOn is not DateOnly on)
        {
            e.Add("endedOn", "请填写结束日期");
        }
        else
        {
            e.Date("endedOn", on, "结束日期", today, registeredOn, "建册日期");
            if (deliveredOn is DateOnly d && on < d)
            {
                e.Add("endedOn", $"结束日期不能早于分娩日期（{d:yyyy-MM-dd}）");
            }
        }
        switch (ending.Reason)
        {
            case EpisodeEndReason.Closed when deliveredOn is null:
                e.Add("reason", "尚未登记分娩信息，不能结案；流产、人工终止妊娠请选择相应原因");
                break;
            case EpisodeEndReason.Miscarriage or EpisodeEndReason.Termination when deliveredOn is not null:
                e.Add("reason", "已登记分娩，不能再登记流产或人工终止妊娠");
                break;
            case EpisodeEndReason.Miscarriage when ending.EndedOn is DateOnly m && dating.On(m) is GestationalAge age && !PregnancyRules.IsMiscarriageAge(age):
                e.Add("reason", $"{age}已满28周，妊娠终止应登记为分娩（死胎或死产），不是流产");
                break;
            case EpisodeEndReason.MovedAway:
                e.Required("destination", ending.Destination, "迁出须填写迁往地点");
                e.Required("handOver", ending.HandOver, "迁出须填写孕产妇保健手册的交接情况");
                break;
        }
        return e.Result;
    }

    /// <summary>A live-born baby's death: dated, not before its birth, not in the future.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(InfantDeath death, DateOnly bornOn, DateOnly today)
    {
        var e = new FormErrors();
        if (death.DiedOn is not DateOnly on)
        {
            e.Add("diedOn", "请填写死亡日期");
        }
        else
        {
            e.Date("diedOn", on, "死亡日期", today, bornOn, "出生日期");
        }
        return e.Result;
    }
}
