using HealthRecords.Domain.Encounters;

namespace HealthRecords.Domain.Maternal;

/// <summary>A 2nd–5th prenatal visit as the schedule needs it: its round and date.</summary>
public sealed record RoundVisit(int Round, DateOnly On);

/// <summary>A referral made on a maternal or newborn form (转诊 2 有), and when its result was followed up, if it was.</summary>
public sealed record ReferralHistory(DateOnly ReferredOn, DateOnly? ResultOn, long? SourceId = null);

/// <summary>What the mother's schedule reads from the database for one episode.</summary>
public sealed record MotherHistory
{
    /// <summary>The episode's stored id, carried on the items.</summary>
    public long? EpisodeId { get; init; }
    public DateOnly RegisteredOn { get; init; }
    public EpisodeOpening Opening { get; init; } = EpisodeOpening.Registration;
    public PregnancyDating Dating { get; init; } = new(null, null);
    /// <summary>Date of the 第1次产前随访服务记录表, if recorded.</summary>
    public DateOnly? FirstVisitOn { get; init; }
    public IReadOnlyList<RoundVisit> PrenatalVisits { get; init; } = [];
    public DateOnly? DeliveredOn { get; init; }
    /// <summary>The mother's discharge date from the delivery information.</summary>
    public DateOnly? DischargedOn { get; init; }
    public IReadOnlyList<DateOnly> PostpartumVisits { get; init; } = [];
    /// <summary>Date of the 产后42天健康检查, if recorded.</summary>
    public DateOnly? Check42On { get; init; }
    public IReadOnlyList<ReferralHistory> Referrals { get; init; } = [];
    /// <summary>The episode's ending (结案, miscarriage, termination, moved away, maternal death), if any.</summary>
    public EpisodeEnding? Ending { get; init; }
}

/// <summary>What a live-born baby's schedule reads from the database.</summary>
public sealed record NewbornHistory
{
    /// <summary>The baby's stored id (the delivery's baby row), carried on the items.</summary>
    public long? BabyId { get; init; }
    public DateOnly BornOn { get; init; }
    /// <summary>The day the baby came home (<see cref="Births.HomeFrom"/>).</summary>
    public DateOnly HomeFrom { get; init; }
    /// <summary>Dates of its 新生儿家庭访视记录表.</summary>
    public IReadOnlyList<DateOnly> HomeVisits { get; init; } = [];
    public IReadOnlyList<ReferralHistory> Referrals { get; init; } = [];
    /// <summary>The day the baby's follow-up ended here (death, or the family moved away), if it did.</summary>
    public DateOnly? EndedOn { get; init; }
}

/// <summary>
/// The schedules of 孕产妇健康管理 and the newborn home visit: pure functions from a person's history and today to the
/// <see cref="ScheduleItem"/>s outstanding, including those not yet due (the host keeps what it shows: due by a day for
/// the work list, within a year for the portal). An ended episode yields nothing.
/// </summary>
public static class MaternalSchedule
{
    public const string PostpartumVisitKind = "postpartum-visit";
    public const string Check42Kind = "postpartum-42";
    public const string NewbornVisitKind = "newborn-visit";
    public const string ReferralFollowUpKind = "referral-follow-up";

    /// <summary>"prenatal-1" … "prenatal-5".</summary>
    public static string PrenatalKind(int round) => $"prenatal-{PrenatalRounds.Window(round).Round}";

    /// <summary>
    /// Days an episode stays on the list after its 42-day check fell due (the delivery's, or for an episode whose delivery
    /// information never came, the expected date's): after that she is lost to follow-up (失访) and nothing of the episode
    /// is listed. Ours: 004 孕产妇 二(五) gives the check a day (产后42天) and no end. Four weeks late is the same allowance
    /// the schedule gives a missed round (listed, overdue, until the next window is over) and keeps the check inside the
    /// first ten weeks after the birth; the measures count what was done whatever the list shows.
    /// </summary>
    public const int LostToFollowUpAfterDays = 28;

    /// <summary>
    /// The last day the episode's items are listed: <see cref="LostToFollowUpAfterDays"/> after its 42-day check was due
    /// (<see cref="PostpartumRules.CheckDue"/> of the delivery, else of the expected date); null when the pregnancy is not
    /// dated and not delivered (no clock to run out).
    /// </summary>
    public static DateOnly? ListedUntil(MotherHistory h) =>
        (h.DeliveredOn ?? h.Dating.ExpectedDelivery ?? h.Dating.Start?.AddDays(PregnancyDating.TermDays)) is DateOnly birth
            ? PostpartumRules.CheckDue(birth).AddDays(LostToFollowUpAfterDays)
            : null;

    /// <summary>Lost to follow-up (失访) on <paramref name="today"/>: open, and past <see cref="ListedUntil"/>.</summary>
    public static bool IsLostToFollowUp(MotherHistory h, DateOnly today) =>
        h.Ending is null && ListedUntil(h) is DateOnly until && today > until;

    /// <summary>The mother's outstanding items for one episode.</summary>
    public static IReadOnlyList<ScheduleItem> ForMother(MotherHistory h, DateOnly today)
    {
        if (h.Ending is not null)
        {
            return []; // issue #17: an ending closes the episode's open items
        }
        if (IsLostToFollowUp(h, today))
        {
            return []; // issue #17: an episode long past its 42-day check is no longer listed
        }
        var items = new List<ScheduleItem>();
        if (h.DeliveredOn is null)
        {
            Prenatal(h, today, items);
        }
        else
        {
            Postpartum(h, h.DeliveredOn.Value, today, items);
        }
        items.AddRange(Referrals(h.Referrals, h.EpisodeId, LaterVisits(h)));
        return items;
    }

    /// <summary>
    /// A live-born baby's outstanding items: the home visit and open referrals. 满月 is not here: it is the first column of
    /// the 1岁以内儿童健康检查记录表 and belongs to the children's check-up schedule (Domain/Children), so it is listed once.
    /// </summary>
    public static IReadOnlyList<ScheduleItem> ForNewborn(NewbornHistory h, DateOnly today)
    {
        if (h.EndedOn is not null)
        {
            return []; // issue #17: an infant's death (or moving away) closes its open items
        }
        var items = new List<ScheduleItem>();
        // 0~6岁 二(一): 新生儿出院后1周内 … 到新生儿家中进行，同时进行产后访视. Due on the mother's visit day (3 days after
        // coming home) so both land on one trip; no longer due once the neonatal period is over.
        var home = h.HomeFrom < h.BornOn ? h.BornOn : h.HomeFrom;
        if (h.HomeVisits.Count == 0 && today <= h.BornOn.AddDays(NewbornRules.NeonatalDays))
        {
            var end = home.AddDays(NewbornRules.VisitByDay);
            var due = home.AddDays(PostpartumRules.VisitFromDay);
            items.Add(new ScheduleItem(NewbornVisitKind, "新生儿家庭访视（出院后7天内）", home, due > end ? end : due, end, SourceId: h.BabyId));
        }
        items.AddRange(Referrals(h.Referrals, h.BabyId, h.HomeVisits));
        return items;
    }

    private static void Prenatal(MotherHistory h, DateOnly today, List<ScheduleItem> items)
    {
        if (h.Opening != EpisodeOpening.Registration)
        {
            return;
        }
        // 004 孕产妇 二(一): the first visit at registration, before 13 weeks where possible (附件1 填表说明 1: 第一次接诊孕妇时填写);
        // due on the registration day, on time until 孕12周+6天 (or that day for a woman registered later)
        if (h.FirstVisitOn is null)
        {
            var lastEarly = h.Dating.DayOf(PrenatalRounds.Window(1).To);
            var end = lastEarly is DateOnly l && l > h.RegisteredOn ? l : h.RegisteredOn;
            items.Add(new ScheduleItem(PrenatalKind(1), PrenatalRounds.Window(1).Title, h.RegisteredOn, h.RegisteredOn, end, SourceId: h.EpisodeId));
        }
        var latestRound = h.PrenatalVisits.Count == 0 ? 1 : h.PrenatalVisits.Max(v => v.Round);
        // 004 孕产妇 二(二), 二(三)1: 孕16~20、21~24、28~36、37~40周各1次 — due on the window's first day, overdue after its last
        for (var round = 2; round <= PrenatalRounds.Last; round++)
        {
            var w = PrenatalRounds.Window(round);
            if (h.Dating.DayOf(w.From) is not DateOnly start || h.Dating.DayOf(w.To) is not DateOnly end)
            {
                return; // an undated pregnancy has no windows (registration requires a date; see PregnancyValidator)
            }
            if (round <= latestRound || end < h.RegisteredOn)
            {
                continue; // done, passed by a later visit, or over before she registered
            }
            // a missed round stays on the list, overdue, until the next round's window is over too
            if (round < PrenatalRounds.Last && h.Dating.DayOf(PrenatalRounds.Window(round + 1).To) is DateOnly nextEnd && today > nextEnd)
            {
                continue;
            }
            items.Add(new ScheduleItem(PrenatalKind(round), w.Title, start, start, end, SourceId: h.EpisodeId));
        }
    }

    private static void Postpartum(MotherHistory h, DateOnly deliveredOn, DateOnly today, List<ScheduleItem> items)
    {
        var checkDue = PostpartumRules.CheckDue(deliveredOn);
        // 004 孕产妇 二(四), 附件3 填表说明 1: 出院后3~7天内到产妇家中; no longer due once the 42-day check is recorded or due
        if (h.PostpartumVisits.Count == 0 && h.Check42On is null && today <= checkDue)
        {
            var home = h.DischargedOn is DateOnly d && d > deliveredOn ? d : deliveredOn;
            var start = home.AddDays(PostpartumRules.VisitFromDay);
            items.Add(new ScheduleItem(PostpartumVisitKind, "产后访视（出院后3~7天）", start, start, home.AddDays(PostpartumRules.VisitByDay), SourceId: h.EpisodeId));
        }
        // 004 孕产妇 二(五): 产后42天健康检查 — a day, not a window: overdue from day 43
        if (h.Check42On is null)
        {
            items.Add(ScheduleItem.On(Check42Kind, "产后42天健康检查", checkDue, sourceId: h.EpisodeId));
        }
    }

    /// <summary>Every visit of the episode, whatever its form: a later one asked after an earlier referral.</summary>
    private static IReadOnlyList<DateOnly> LaterVisits(MotherHistory h) =>
        [.. h.FirstVisitOn is DateOnly f ? [f] : Array.Empty<DateOnly>(), .. h.PrenatalVisits.Select(v => v.On), .. h.PostpartumVisits,
            .. h.Check42On is DateOnly c ? [c] : Array.Empty<DateOnly>()];

    /// <summary>
    /// A referral still to follow up: no result recorded and no later visit of the same person. 004 孕产妇 二(一)4 asks for
    /// the referral's result to be followed within 2 weeks but the forms have no field for it (附件1–4 转诊: 原因, 机构及科室);
    /// ours: a later visit of the same episode (or baby) saw her again, so it is the follow-up and ends the item.
    /// </summary>
    public static bool ReferralOpen(ReferralHistory r, IReadOnlyList<DateOnly> visits) =>
        r.ResultOn is null && !visits.Any(v => v > r.ReferredOn);

    // 004 孕产妇 二(一)4: 在2周内随访转诊结果; DOMAIN-SERVICES: referral follow-ups are due within 2 weeks, urgent
    private static IEnumerable<ScheduleItem> Referrals(IReadOnlyList<ReferralHistory> referrals, long? ownerId, IReadOnlyList<DateOnly> visits) =>
        referrals.Where(r => ReferralOpen(r, visits)).Select(r => new ScheduleItem(
            ReferralFollowUpKind, "转诊后随访（2周内随访转诊结果）", r.ReferredOn, ReferralRules.FollowUpDue(r.ReferredOn),
            ReferralRules.FollowUpDue(r.ReferredOn), Urgent: true, SourceId: r.SourceId ?? ownerId));
}
